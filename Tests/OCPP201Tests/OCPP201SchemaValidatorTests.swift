import JSON
import TestSupport
import Testing

/// What the test-side validator learned for the 2.0.1 schemas must itself catch each violation, or
/// the round trips and the differential test that rely on it would prove nothing.
@Suite struct OCPP201SchemaValidatorTests {
    private func violations(_ schema: String, _ value: JSONValue) throws -> [String] {
        try JSONSchemaValidator(named: schema).violations(of: value)
    }

    @Test func followsReferencesIntoDefinitions() throws {
        let boot: JSONValue = ["reason": "PowerUp", "chargingStation": ["model": "M", "vendorName": "V"]]
        #expect(try violations("BootNotificationRequest", boot) == [])
        #expect(
            try violations("BootNotificationRequest", ["reason": "Reboot", "chargingStation": ["model": "M"]])
                == ["reason: not in enum", "chargingStation.vendorName: required"])
        #expect(
            try violations(
                "BootNotificationRequest",
                ["reason": "PowerUp", "chargingStation": ["model": "M", "vendorName": "V", "modem": ["imei": "1"]]])
                == ["chargingStation.modem.imei: additional property"])
    }

    @Test func leavesCustomDataOpenButRequiresItsVendorId() throws {
        #expect(try violations("HeartbeatRequest", ["customData": ["vendorId": "com.example", "any": [1]]]) == [])
        #expect(try violations("HeartbeatRequest", ["customData": ["any": 1]]) == ["customData.vendorId: required"])
    }

    @Test func checksItemCountsAndIntegerBounds() throws {
        let period: JSONValue = ["startPeriod": 0, "limit": 16]
        let schedule: JSONValue = ["id": 1, "chargingRateUnit": "A", "chargingSchedulePeriod": [period]]
        let profile: JSONValue = [
            "id": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute",
            "chargingSchedule": [schedule, schedule, schedule, schedule],
        ]
        #expect(
            try violations("SetChargingProfileRequest", ["evseId": 1, "chargingProfile": profile])
                == ["chargingProfile.chargingSchedule: more than 3 items"])
        let needs: JSONValue = [
            "requestedEnergyTransfer": "DC",
            "dcChargingParameters": ["evMaxCurrent": 100, "evMaxVoltage": 400, "stateOfCharge": 101, "bulkSoC": -1],
        ]
        #expect(
            try violations("NotifyEVChargingNeedsRequest", ["evseId": 1, "chargingNeeds": needs])
                == [
                    "chargingNeeds.dcChargingParameters.stateOfCharge: above 100.0",
                    "chargingNeeds.dcChargingParameters.bulkSoC: below 0.0",
                ])
    }

    @Test func tellsIntegersFromNumbers() throws {
        let ok: JSONValue = ["timestamp": "2026-11-25T08:00:00Z", "sampledValue": [["value": 230.4]]]
        #expect(try violations("MeterValuesRequest", ["evseId": 1, "meterValue": [ok]]) == [])
        #expect(
            try violations("MeterValuesRequest", ["evseId": 1.5, "meterValue": [ok]])
                == ["evseId: not of type integer"])
    }
}
