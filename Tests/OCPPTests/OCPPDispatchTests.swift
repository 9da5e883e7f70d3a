import JSON
import OCPP
import Testing

@testable import OCPP

/// The dynamic entry points: incoming charger CALLs, the central system's outgoing calls and
/// confirmations decoded by action.
@Suite struct OCPPDispatchTests {
    @Test func everyActionKnowsWhoSendsIt() {
        let fromChargers = OCPPAction.allCases.filter { $0.initiator == .chargePoint }.map(\.rawValue)
        #expect(
            fromChargers == [
                "Authorize", "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
                "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction",
                "SecurityEventNotification", "SignCertificate", "LogStatusNotification",
                "SignedFirmwareStatusNotification",
            ])
        #expect(OCPPAction.allCases.filter { $0.initiator == .either } == [.dataTransfer])
        #expect(OCPPAction.allCases.filter { $0.initiator == .centralSystem }.count == 25)
        #expect(OCPPAction.dataTransfer.isSentByChargePoint && OCPPAction.dataTransfer.isSentByCentralSystem)
    }

    @Test func decodesAnIncomingHeartbeat() throws {
        let decoded = try ChargePointRequest.decode(action: "Heartbeat", payload: JSONObject())
        #expect(decoded == OCPPDecoded(value: .heartbeat(HeartbeatRequest())))
    }

    @Test func decodesAnIncomingBootNotificationWithItsFields() throws {
        let decoded = try ChargePointRequest.decode(
            action: "BootNotification", payload: object(["chargePointVendor": "VendorX", "chargePointModel": "M1"]))
        #expect(
            decoded.value
                == .bootNotification(BootNotificationRequest(chargePointVendor: "VendorX", chargePointModel: "M1")))
    }

    @Test func anUnknownActionIsNotImplemented() {
        #expect(throws: OCPPCallError(code: .notImplemented, message: #"unknown action "FooBar""#)) {
            try ChargePointRequest.decode(action: "FooBar", payload: JSONObject())
        }
    }

    @Test func aCentralSystemActionFromAChargerIsNotSupported() {
        #expect(
            throws: OCPPCallError(
                code: .notSupported, message: "RemoteStartTransaction is sent by a central system, not to it")
        ) {
            try ChargePointRequest.decode(action: "RemoteStartTransaction", payload: object(["idTag": "x"]))
        }
    }

    @Test func aSchemaViolationIsAnsweredWithItsCodeAndField() throws {
        do {
            _ = try ChargePointRequest.decode(
                action: "BootNotification", payload: object(["chargePointVendor": "VendorX"]))
            Issue.record("expected an error")
        } catch {
            #expect(
                error
                    == OCPPCallError(
                        code: .occurenceConstraintViolation, message: "chargePointModel: required property is missing"))
            #expect(
                error.frame(answering: "17").text()
                    == #"[4,"17","OccurenceConstraintViolation","chargePointModel: required property is missing",{}]"#)
        }
    }

    @Test func lenientModeReturnsWarnings() throws {
        let decoded = try ChargePointRequest.decode(
            action: "Authorize", payload: object(["idTag": "0123456789ABCDEF0123456", "extra": true]), mode: .lenient)
        #expect(decoded.value == .authorize(AuthorizeRequest(idTag: "0123456789ABCDEF0123456")))
        #expect(
            decoded.warnings.map(\.description) == [
                "idTag: 23 characters accepted, longer than the maximum of 20", "extra: unexpected property ignored",
            ])
        #expect(throws: OCPPCallError.self) {
            try ChargePointRequest.decode(action: "Authorize", payload: object(["idTag": "0123456789ABCDEF0123456"]))
        }
    }

    @Test func dataTransferIsAcceptedFromBothSides() throws {
        let payload = object(["vendorId": "com.example", "data": "x"])
        #expect(try ChargePointRequest.decode(action: "DataTransfer", payload: payload).value.action == .dataTransfer)
        #expect(try CentralSystemRequest.validate(action: "DataTransfer", payload: payload).action == .dataTransfer)
    }

    @Test func validatesAnOutgoingCallStrictly() throws {
        let request = try CentralSystemRequest.validate(
            action: "GetCompositeSchedule", payload: object(["connectorId": 1, "duration": 3600]))
        #expect(request == .getCompositeSchedule(GetCompositeScheduleRequest(connectorId: 1, duration: 3600)))
        #expect(
            throws: OCPPCallError(
                code: .propertyConstraintViolation,
                message: #"chargingRateUnit: "kW" is not one of A, W"#)
        ) {
            try CentralSystemRequest.validate(
                action: "GetCompositeSchedule",
                payload: object(["connectorId": 1, "duration": 3600, "chargingRateUnit": "kW"]))
        }
        #expect(
            throws: OCPPCallError(
                code: .typeConstraintViolation, message: "connectorId: expected an integer, got a string")
        ) {
            try CentralSystemRequest.validate(action: "UnlockConnector", payload: object(["connectorId": "1"]))
        }
    }

    @Test func refusesOutgoingCallsOfUnknownOrChargerActions() {
        #expect(throws: OCPPCallError(code: .notImplemented, message: #"unknown action "Explode""#)) {
            try CentralSystemRequest.validate(action: "Explode", payload: JSONObject())
        }
        #expect(throws: OCPPCallError(code: .notSupported, message: "Heartbeat is sent by a charge point, not to it")) {
            try CentralSystemRequest.validate(action: "Heartbeat", payload: JSONObject())
        }
    }

    @Test func decodesAConfirmationByAction() throws {
        let decoded = try OCPPAction.setChargingProfile.decodeConfirmation(object(["status": "Accepted"]))
        #expect(decoded.value as? SetChargingProfileConfirmation == SetChargingProfileConfirmation(status: .accepted))
        let typed = try SetChargingProfileRequest.Confirmation.decode(object(["status": "Rejected"]))
        #expect(typed.value.status == .rejected)
        #expect(
            throws: OCPPValidationError(
                code: .propertyConstraintViolation, path: "status",
                reason: #""Maybe" is not one of Accepted, Rejected, NotSupported"#)
        ) {
            try OCPPAction.setChargingProfile.decodeConfirmation(object(["status": "Maybe"]))
        }
        let lenient = try OCPPAction.setChargingProfile.decodeConfirmation(object(["status": "Maybe"]), mode: .lenient)
        #expect(
            lenient.value as? SetChargingProfileConfirmation
                == SetChargingProfileConfirmation(status: .unrecognized("Maybe")))
    }
}
