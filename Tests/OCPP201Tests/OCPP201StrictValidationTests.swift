import JSON
import OCPP201
import Testing

import struct OCPP.OCPPValidationError

/// Strict decoding of what 2.0.1 chargers send: each kind of schema violation is refused with its
/// OCPP-J 2.0.1 error code and a description that names the field by its full path.
@Suite struct OCPP201StrictValidationTests {
    private func refusal(_ action: String, _ payload: JSONValue) -> OCPP201CallError? {
        do {
            let decoded = try ChargingStationRequest.decode(action: action, payload: payload.objectValue!)
            Issue.record("\(action) decoded: \(decoded.value)")
            return nil
        } catch {
            return error
        }
    }

    private static let station: JSONValue = ["model": "Pulsar Plus", "vendorName": "Wallbox"]
    private static let meterValue: JSONValue = [
        "timestamp": "2026-11-25T08:00:00Z", "sampledValue": [["value": 1234.5]],
    ]

    @Test func aMissingRequiredFieldIsAnOccurrenceConstraintViolation() {
        #expect(
            refusal("BootNotification", ["chargingStation": Self.station])
                == OCPP201CallError(
                    code: .occurrenceConstraintViolation, message: "reason: required property is missing"))
        #expect(
            refusal("BootNotification", ["reason": "PowerUp", "chargingStation": ["vendorName": "Wallbox"]])
                == OCPP201CallError(
                    code: .occurrenceConstraintViolation, message: "chargingStation.model: required property is missing"
                ))
    }

    @Test func aWrongJSONTypeIsATypeConstraintViolation() {
        let status: JSONValue = [
            "timestamp": "2026-11-25T08:00:00Z", "connectorStatus": "Occupied", "evseId": "1", "connectorId": 1,
        ]
        #expect(
            refusal("StatusNotification", status)
                == OCPP201CallError(
                    code: .typeConstraintViolation, message: "evseId: expected an integer, got a string"))
        var fraction = status.objectValue!
        fraction["evseId"] = 1
        fraction["connectorId"] = 1.5
        #expect(refusal("StatusNotification", .object(fraction))?.code == .typeConstraintViolation)
        fraction["connectorId"] = .null
        #expect(
            refusal("StatusNotification", .object(fraction))
                == OCPP201CallError(
                    code: .typeConstraintViolation, message: "connectorId: expected an integer, got null"))
    }

    @Test func aValueTheSchemaDoesNotAllowIsAPropertyConstraintViolation() {
        let status: JSONValue = [
            "timestamp": "2026-11-25T08:00:00Z", "connectorStatus": "Charging", "evseId": 1, "connectorId": 1,
        ]
        #expect(
            refusal("StatusNotification", status)
                == OCPP201CallError(
                    code: .propertyConstraintViolation,
                    message:
                        #"connectorStatus: "Charging" is not one of Available, Occupied, Reserved, Unavailable, Faulted"#
                ))
        #expect(
            refusal(
                "BootNotification",
                ["reason": "PowerUp", "chargingStation": ["model": "Pulsar Plus Socket 22", "vendorName": "Wallbox"]])
                == OCPP201CallError(
                    code: .propertyConstraintViolation,
                    message: "chargingStation.model: 21 characters, longer than the maximum of 20"))
        let noOffset: JSONValue = [
            "timestamp": "2026-11-25T08:00:00", "connectorStatus": "Occupied", "evseId": 1, "connectorId": 1,
        ]
        #expect(refusal("StatusNotification", noOffset)?.code == .propertyConstraintViolation)
        let lowercase: JSONValue = [
            "timestamp": "2026-11-25T08:00:00Z", "connectorStatus": "occupied", "evseId": 1, "connectorId": 1,
        ]
        #expect(refusal("StatusNotification", lowercase)?.code == .propertyConstraintViolation, "case matters")
    }

    @Test func anIntegerOutsideItsBoundsIsAPropertyConstraintViolation() {
        let needs: JSONValue = [
            "evseId": 1,
            "chargingNeeds": [
                "requestedEnergyTransfer": "DC",
                "dcChargingParameters": ["evMaxCurrent": 200, "evMaxVoltage": 500, "stateOfCharge": 101],
            ],
        ]
        #expect(
            refusal("NotifyEVChargingNeeds", needs)
                == OCPP201CallError(
                    code: .propertyConstraintViolation,
                    message: "chargingNeeds.dcChargingParameters.stateOfCharge: 101 is above the maximum of 100"))
    }

    @Test func aPropertyTheSchemaDoesNotDefineIsAFormatViolation() {
        #expect(
            refusal(
                "BootNotification",
                ["reason": "PowerUp", "chargingStation": ["model": "M", "vendorName": "V", "colour": "blue"]])
                == OCPP201CallError(code: .formatViolation, message: "chargingStation.colour: property is not allowed"))
        #expect(refusal("Heartbeat", ["timestamp": "2026-11-25T08:00:00Z"])?.code == .formatViolation)
    }

    @Test func tooFewOrTooManyItemsAreAnOccurrenceConstraintViolation() throws {
        let event: JSONValue = [
            "eventType": "Updated", "timestamp": "2026-11-25T08:00:00Z", "triggerReason": "MeterValuePeriodic",
            "seqNo": 3, "transactionInfo": ["transactionId": "TX-1"], "meterValue": [],
        ]
        #expect(
            refusal("TransactionEvent", event)
                == OCPP201CallError(
                    code: .occurrenceConstraintViolation, message: "meterValue: at least 1 item required, got 0"))
        let schedule: JSONValue = [
            "id": 1, "chargingRateUnit": "A", "chargingSchedulePeriod": [["startPeriod": 0, "limit": 16]],
        ]
        let profile: JSONValue = [
            "evseId": 1,
            "chargingProfile": [
                "id": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute", "chargingSchedule": [schedule, schedule, schedule, schedule],
            ],
        ]
        #expect(
            throws: OCPP201CallError(
                code: .occurrenceConstraintViolation,
                message: "chargingProfile.chargingSchedule: at most 3 items allowed, got 4")
        ) {
            try CSMSRequest.validate(action: "SetChargingProfile", payload: profile.objectValue!)
        }
    }

    /// A description may have 255 characters in OCPP-J 2.0.1; a refusal naming every allowed value
    /// of a long enumeration is cut, and keeps the field it names.
    @Test func aLongDescriptionIsCutTo255CharactersInTheFrame() throws {
        let meter: JSONValue = [
            "evseId": 1,
            "meterValue": [
                ["timestamp": "2026-11-25T08:00:00Z", "sampledValue": [["value": 1, "measurand": "Power"]]]
            ],
        ]
        let error = try #require(refusal("MeterValues", meter))
        #expect(error.message.hasPrefix(#"meterValue[0].sampledValue[0].measurand: "Power" is not one of"#))
        #expect(error.message.unicodeScalars.count > 255)
        guard case .callError(_, let code, let description, let details) = error.frame(answering: "m1") else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(code == .propertyConstraintViolation)
        #expect(description.unicodeScalars.count == 255)
        #expect(description.hasSuffix("…"))
        #expect(error.message.hasPrefix(String(description.dropLast())))
        #expect(details == JSONObject())
    }

    @Test func violationsAreFoundWhateverDirectionTheMessageGoes() throws {
        #expect(throws: OCPPValidationError.self) {
            try BootNotificationResponse.decode(object(["status": "Accepted", "interval": 300]))
        }
    }
}
