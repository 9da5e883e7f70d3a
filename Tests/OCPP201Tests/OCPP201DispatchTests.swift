import JSON
import OCPP201
import Testing

/// The dynamic entry points: CALLs from a charging station decoded by action name, the CSMS's own
/// CALLs (the API's generic `call`) validated by action name, and who may send what.
@Suite struct OCPP201DispatchTests {
    @Test func everyActionKnowsWhoSendsIt() {
        let fromStations = OCPP201Action.allCases.filter { $0.initiator == .chargingStation }.map(\.rawValue)
        #expect(
            fromStations == [
                "Authorize", "BootNotification", "ClearedChargingLimit", "FirmwareStatusNotification",
                "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues",
                "NotifyChargingLimit", "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds",
                "NotifyEVChargingSchedule", "NotifyEvent", "NotifyMonitoringReport", "NotifyReport",
                "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
                "SecurityEventNotification", "SignCertificate", "StatusNotification", "TransactionEvent",
            ])
        #expect(OCPP201Action.allCases.filter { $0.initiator == .either } == [.dataTransfer])
        #expect(OCPP201Action.allCases.filter { $0.initiator == .csms }.count == 39)
        #expect(OCPP201Action.dataTransfer.isSentByChargingStation && OCPP201Action.dataTransfer.isSentByCSMS)
    }

    @Test(arguments: OCPP201Action.allCases.filter(\.isSentByChargingStation))
    func aStationsCallDecodesIntoItsCase(_ action: OCPP201Action) throws {
        let sample = try OCPP201Messages.sample(action.rawValue + "Request")
        let decoded = try ChargingStationRequest.decode(action: action.rawValue, payload: sample)
        #expect(decoded.value.action == action)
        #expect(decoded.value.payload == sample)
        #expect(type(of: decoded.value.request).action == action)
    }

    @Test(arguments: OCPP201Action.allCases.filter(\.isSentByCSMS))
    func aCSMSCallValidatesIntoItsCase(_ action: OCPP201Action) throws {
        let sample = try OCPP201Messages.sample(action.rawValue + "Request")
        let request = try CSMSRequest.validate(action: action.rawValue, payload: sample)
        #expect(request.action == action)
        #expect(request.payload == sample)
    }

    @Test func anUnknownActionIsNotImplemented() {
        #expect(throws: OCPP201CallError(code: .notImplemented, message: #"unknown action "StartTransaction""#)) {
            try ChargingStationRequest.decode(action: "StartTransaction", payload: JSONObject())
        }
        #expect(throws: OCPP201CallError(code: .notImplemented, message: #"unknown action "RemoteStartTransaction""#)) {
            try CSMSRequest.validate(action: "RemoteStartTransaction", payload: JSONObject())
        }
    }

    @Test func anActionFromTheWrongSideIsNotSupported() {
        #expect(
            throws: OCPP201CallError(
                code: .notSupported, message: "RequestStartTransaction is sent by the CSMS, not to it")
        ) {
            try ChargingStationRequest.decode(action: "RequestStartTransaction", payload: JSONObject())
        }
        #expect(
            throws: OCPP201CallError(
                code: .notSupported, message: "TransactionEvent is sent by a charging station, not to it")
        ) {
            try CSMSRequest.validate(action: "TransactionEvent", payload: JSONObject())
        }
    }

    @Test func aCSMSCallThatBreaksItsSchemaIsRefusedBeforeItIsSent() {
        #expect(
            throws: OCPP201CallError(
                code: .occurrenceConstraintViolation, message: "remoteStartId: required property is missing")
        ) {
            try CSMSRequest.validate(
                action: "RequestStartTransaction", payload: object(["idToken": ["idToken": "A", "type": "Central"]]))
        }
        #expect(
            throws: OCPP201CallError(
                code: .propertyConstraintViolation, message: #"type: "Reboot" is not one of Immediate, OnIdle"#)
        ) {
            try CSMSRequest.validate(action: "Reset", payload: object(["type": "Reboot"]))
        }
    }

    @Test func responsesDecodeByAction() throws {
        let decoded = try OCPP201Action.setChargingProfile.decodeResponse(object(["status": "Rejected"]))
        #expect(decoded.value as? SetChargingProfileResponse == SetChargingProfileResponse(status: .rejected))
    }
}
