import JSON
import TestSupport
import Testing

@testable import OCPP

/// The test-side schema validator must itself catch each violation, or the round-trip checks
/// that rely on it would prove nothing.
@Suite struct JSONSchemaValidatorTests {
    private func violations(_ schema: String, _ text: String) throws -> [String] {
        try JSONSchemaValidator(named: schema).violations(of: JSONParser.parse(text))
    }

    @Test func acceptsAValidPayload() throws {
        #expect(try violations("Authorize", #"{"idTag":"04A2B3C4"}"#) == [])
    }

    @Test func reportsEachKindOfViolation() throws {
        #expect(try violations("Authorize", "{}") == ["idTag: required"])
        #expect(try violations("Authorize", #"{"idTag":"0123456789ABCDEF01234"}"#) == ["idTag: longer than 20"])
        #expect(try violations("Authorize", #"{"idTag":"A","x":1}"#) == ["x: additional property"])
        #expect(try violations("Authorize", #"{"idTag":1}"#) == ["idTag: not of type string"])
        #expect(try violations("Authorize", "[]") == ["(payload): not of type object"])
        #expect(try violations("Reset", #"{"type":"Medium"}"#) == ["type: not in enum"])
        #expect(
            try violations("HeartbeatResponse", #"{"currentTime":"2026-11-25T08:00:00"}"#)
                == ["currentTime: not a date-time"])
        #expect(try violations("UnlockConnector", #"{"connectorId":1.5}"#) == ["connectorId: not of type integer"])
        #expect(
            try violations("MeterValues", #"{"connectorId":1,"meterValue":[]}"#)
                == ["meterValue: fewer than 1 items"])
        #expect(
            try violations("UpdateFirmware", #"{"location":"a b","retrieveDate":"2026-11-25T08:00:00Z"}"#)
                == ["location: not a uri"])
        #expect(
            try violations(
                "GetCompositeScheduleResponse",
                #"""
                {"status":"Accepted","chargingSchedule":{"chargingRateUnit":"A",
                 "chargingSchedulePeriod":[{"startPeriod":0,"limit":10.05}]}}
                """#) == ["chargingSchedule.chargingSchedulePeriod[0].limit: not a multiple of 0.1"])
    }
}
