import JSON
import OCPP201
import Testing

import enum OCPP.OCPPDateTime
import struct OCPP.OCPPDecoded
import struct OCPP.OCPPValidationError

/// Lenient decoding (`strict: false`) of what faulty 2.0.1 firmware sends: the usual faults are
/// accepted and reported as warnings naming the field; what cannot be read stays an error.
@Suite struct OCPP201LenientValidationTests {
    private func lenient(_ action: String, _ payload: JSONValue) throws -> OCPPDecoded<ChargingStationRequest> {
        try ChargingStationRequest.decode(action: action, payload: payload.objectValue!, mode: .lenient)
    }

    private func status(_ changes: [String: JSONValue]) -> JSONValue {
        var payload = object([
            "timestamp": "2026-11-25T08:00:00Z", "connectorStatus": "Occupied", "evseId": 1, "connectorId": 1,
        ])
        for (key, value) in changes { payload[key] = value }
        return .object(payload)
    }

    @Test func acceptsAnExtraPropertyAndAnUnknownOrMiscapitalisedStatus() throws {
        let unknown = try lenient(
            "StatusNotification", status(["connectorStatus": "Charging", "errorCode": "NoError"]))
        guard case .statusNotification(let request) = unknown.value else {
            Issue.record("decoded as \(unknown.value.action)")
            return
        }
        #expect(request.connectorStatus == .unrecognized("Charging"))
        #expect(
            unknown.warnings.map(\.description) == [
                #"connectorStatus: unknown value "Charging" kept"#, "errorCode: unexpected property ignored",
            ])
        let capitalised = try lenient("StatusNotification", status(["connectorStatus": "occupied"]))
        #expect(capitalised.warnings.map(\.description) == [#"connectorStatus: "occupied" read as "Occupied""#])
    }

    @Test func readsNumbersAndBooleansSentAsStringsAndNullAsAbsent() throws {
        let event: JSONValue = [
            "eventType": "Updated", "timestamp": "2026-11-25T08:00:00Z", "triggerReason": "MeterValuePeriodic",
            "seqNo": "4", "offline": "false", "reservationId": .null,
            "transactionInfo": ["transactionId": "TX-1"],
            "meterValue": [["timestamp": "2026-11-25T08:00:00Z", "sampledValue": [["value": "1234.5"]]]],
        ]
        let decoded = try lenient("TransactionEvent", event)
        guard case .transactionEvent(let request) = decoded.value else {
            Issue.record("decoded as \(decoded.value.action)")
            return
        }
        #expect(request.seqNo == 4)
        #expect(request.offline == false)
        #expect(request.reservationId == nil)
        #expect(request.meterValue?[0].sampledValue[0].value == 1234.5)
        #expect(
            decoded.warnings.map(\.description) == [
                #"meterValue[0].sampledValue[0].value: string "1234.5" read as a number"#,
                #"seqNo: string "4" read as an integer"#, #"offline: string "false" read as a boolean"#,
                "reservationId: null read as an absent property",
            ])
    }

    @Test func acceptsOverLongStringsTooManyItemsAndIntegersOutOfBounds() throws {
        let boot = try lenient(
            "BootNotification",
            ["reason": "PowerUp", "chargingStation": ["model": "Pulsar Plus Socket 22", "vendorName": "Wallbox"]])
        #expect(
            boot.warnings.map(\.description) == [
                "chargingStation.model: 21 characters accepted, longer than the maximum of 20"
            ])
        let needs: JSONValue = [
            "evseId": 1,
            "chargingNeeds": [
                "requestedEnergyTransfer": "DC",
                "dcChargingParameters": ["evMaxCurrent": 200, "evMaxVoltage": 500, "stateOfCharge": 101],
            ],
        ]
        #expect(
            try lenient("NotifyEVChargingNeeds", needs).warnings.map(\.description) == [
                "chargingNeeds.dcChargingParameters.stateOfCharge: accepted: 101 is above the maximum of 100"
            ])
        // Four attribute types exist (Actual, Target, MinSet, MaxSet); a fifth entry is one too many.
        let attribute: JSONValue = ["type": "Actual", "value": "16"]
        let report: JSONValue = [
            "requestId": 1, "generatedAt": "2026-11-25T08:00:00Z", "seqNo": 0,
            "reportData": [
                [
                    "component": ["name": "EVSE"], "variable": ["name": "Power"],
                    "variableAttribute": [attribute, attribute, attribute, attribute, attribute],
                ]
            ],
        ]
        #expect(
            try lenient("NotifyReport", report).warnings.map(\.description) == [
                "reportData[0].variableAttribute: 5 items accepted, more than the maximum of 4"
            ])
    }

    @Test func readsADateTimeWithoutAnOffsetAsUTC() throws {
        let decoded = try lenient("StatusNotification", status(["timestamp": "2026-11-25T08:00:00"]))
        guard case .statusNotification(let request) = decoded.value else {
            Issue.record("decoded as \(decoded.value.action)")
            return
        }
        #expect(request.timestamp == OCPPDateTime.parse("2026-11-25T08:00:00Z"))
        #expect(decoded.warnings.map(\.path) == ["timestamp"])
    }

    @Test func stillRefusesWhatIsMissingOrCannotBeRead() {
        #expect(
            throws: OCPP201CallError(
                code: .occurrenceConstraintViolation, message: "evseId: required property is missing")
        ) {
            try lenient("StatusNotification", status([:]).withoutKey("evseId"))
        }
        #expect(
            throws: OCPP201CallError(
                code: .typeConstraintViolation, message: "connectorStatus: expected a string, got null")
        ) {
            try lenient("StatusNotification", status(["connectorStatus": .null]))
        }
        #expect(
            throws: OCPP201CallError(
                code: .typeConstraintViolation, message: #"evseId: expected an integer, got "one""#)
        ) {
            try lenient("StatusNotification", status(["evseId": "one"]))
        }
        let event: JSONValue = [
            "eventType": "Updated", "timestamp": "2026-11-25T08:00:00Z", "triggerReason": "MeterValuePeriodic",
            "seqNo": 3, "transactionInfo": ["transactionId": "TX-1"], "meterValue": [],
        ]
        #expect(
            throws: OCPP201CallError(
                code: .occurrenceConstraintViolation, message: "meterValue: at least 1 item required, got 0")
        ) {
            try lenient("TransactionEvent", event)
        }
    }
}

extension JSONValue {
    fileprivate func withoutKey(_ key: String) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = nil
        return .object(object)
    }
}
