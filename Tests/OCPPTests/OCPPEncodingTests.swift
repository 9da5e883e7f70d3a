import Foundation
import JSON
import OCPP
import TestSupport
import Testing

@testable import OCPP

/// Encoding always produces schema-valid JSON: one-decimal limits, UTC dates, exact spellings.
@Suite struct OCPPEncodingTests {
    private func profile(limit: Double, minChargingRate: Double? = nil) -> SetChargingProfileRequest {
        SetChargingProfileRequest(
            connectorId: 1,
            csChargingProfiles: ChargingProfile(
                chargingProfileId: 1001, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile,
                chargingProfileKind: .absolute,
                chargingSchedule: ChargingSchedule(
                    chargingRateUnit: .amperes,
                    chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: limit)],
                    startSchedule: Date(timeIntervalSince1970: 1_795_593_600.25), minChargingRate: minChargingRate)))
    }

    @Test func writesASetChargingProfileExactly() {
        #expect(
            JSONWriter.string(profile(limit: 10.0).json) == #"""
                {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1001,"stackLevel":0,\#
                "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",\#
                "chargingSchedule":{"startSchedule":"2026-11-25T08:00:00.250Z","chargingRateUnit":"A",\#
                "chargingSchedulePeriod":[{"startPeriod":0,"limit":10}]}}}
                """#)
    }

    @Test(arguments: [
        (7.26, "7.3"), (13.34, "13.3"), (10.04, "10"), (9.96, "10"), (6.1, "6.1"), (0.04, "0"), (-0.04, "0"),
        (11_039.99, "11040"), (1.0 / 3.0, "0.3"), (2.25, "2.3"),
    ])
    func roundsLimitsToOneDecimal(_ limit: Double, _ written: String) throws {
        let encoded = profile(limit: limit, minChargingRate: limit).json
        let text = JSONWriter.string(encoded)
        #expect(text.contains(#""limit":\#(written)}"#))
        #expect(text.contains(#""minChargingRate":\#(written)}"#))
        #expect(try JSONSchemaValidator(named: "SetChargingProfile").violations(of: encoded) == [])
        #expect(
            try SetChargingProfileRequest.decode(encoded).value.csChargingProfiles.chargingSchedule
                .chargingSchedulePeriod[0].limit == Double(written))
    }

    @Test func writesDatesInUTC() throws {
        let decoded = try BootNotificationConfirmation.decode(
            JSONParser.parse(#"{"status":"Accepted","currentTime":"2026-11-25T09:00:00+01:00","interval":300}"#))
        #expect(
            JSONWriter.string(decoded.value.json)
                == #"{"status":"Accepted","currentTime":"2026-11-25T08:00:00Z","interval":300}"#)
    }

    @Test func writesEnumerationsWithTheirExactSpellings() {
        let value = SampledValue(
            value: "1", context: .interruptionBegin, format: .signedData, measurand: .energyReactiveImportInterval,
            phase: .l3L1, location: .ev, unit: .kilovoltAmperes)
        #expect(
            JSONWriter.string(value.json) == #"""
                {"value":"1","context":"Interruption.Begin","format":"SignedData",\#
                "measurand":"Energy.Reactive.Import.Interval","phase":"L3-L1","location":"EV","unit":"kVA"}
                """#)
        #expect(ChargePointErrorCode.evCommunicationError.spelling == "EVCommunicationError")
        #expect(StopReason.deAuthorized.spelling == "DeAuthorized")
        #expect(ClearChargingProfileStatus.unknown.spelling == "Unknown")
    }

    @Test func leavesAbsentOptionalsOut() {
        #expect(JSONWriter.string(StopTransactionConfirmation().json) == "{}")
        #expect(JSONWriter.string(IdTagInfo(status: .blocked).json) == #"{"status":"Blocked"}"#)
    }
}
