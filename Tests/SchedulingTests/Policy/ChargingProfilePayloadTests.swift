import ChargePointManagement
import ChargingModel
import Foundation
import JSON
import OCPP
import Testing

@testable import Scheduling

/// The limit the policy builds from a charger's facts, as an OCPP 1.6 charger receives it.
@Suite struct ChargingProfilePayloadTests {
    static let now = PolicyDriver.origin

    static func setChargingProfile(
        amps: Double, purpose: ProfilePurpose, connectorId: Int, transactionId: Int?, charger: ChargerFacts, now: Date
    ) -> JSONObject {
        let limit = charger.chargingLimit(
            amps: amps, purpose: purpose, connectorId: connectorId, transactionId: transactionId, now: now)
        return ChargerCommand.setLimit(limit).ocpp16Request.jsonObject
    }

    @Test func txDefaultProfileInAmpsIsRelativeWithOneDecimal() {
        let payload = Self.setChargingProfile(
            amps: 10.26, purpose: .txDefaultProfile, connectorId: 1, transactionId: 7,
            charger: ChargerFacts(maxStackLevel: 5), now: Self.now)
        #expect(
            "SetChargingProfile " + JSONWriter.string(.object(payload)) == PolicyDriver.txDefault("10.3"))
    }

    @Test func wattsAreAmpsTimesVoltageTimesPhases() {
        let charger = ChargerFacts(rateUnit: .watts, maxStackLevel: 5)
        let payload = Self.setChargingProfile(
            amps: 10, purpose: .txDefaultProfile, connectorId: 1, transactionId: nil, charger: charger, now: Self.now)
        let line = "SetChargingProfile " + JSONWriter.string(.object(payload))
        #expect(line == PolicyDriver.txDefault("6900", unit: "W"))
    }

    @Test func singlePhaseWattsWithFraction() {
        let charger = ChargerFacts(rateUnit: .watts, voltage: 231, phases: 1)
        let payload = Self.setChargingProfile(
            amps: 6.3, purpose: .txDefaultProfile, connectorId: 2, transactionId: nil, charger: charger, now: Self.now)
        #expect(
            JSONWriter.string(.object(payload))
                == "{\"connectorId\":2,\"csChargingProfiles\":{\"chargingProfileId\":102,\"stackLevel\":0,"
                + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":"
                + "[{\"startPeriod\":0,\"limit\":1455.3,\"numberPhases\":1}]}}}")
    }

    @Test func txProfileCarriesTheTransaction() {
        let payload = Self.setChargingProfile(
            amps: 16, purpose: .txProfile, connectorId: 1, transactionId: 42, charger: ChargerFacts(maxStackLevel: 3),
            now: Self.now)
        #expect(
            JSONWriter.string(.object(payload))
                == "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":201,\"transactionId\":42,"
                + "\"stackLevel\":3,\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Relative\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
                + "[{\"startPeriod\":0,\"limit\":16,\"numberPhases\":3}]}}}")
    }

    @Test func chargePointMaxProfileIsAbsoluteOnConnectorZeroStartingADayBack() {
        let payload = Self.setChargingProfile(
            amps: 8, purpose: .chargePointMaxProfile, connectorId: 1, transactionId: 42,
            charger: ChargerFacts(maxStackLevel: 3), now: Self.now)
        #expect(
            JSONWriter.string(.object(payload))
                == "{\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":300,\"stackLevel\":3,"
                + "\"chargingProfilePurpose\":\"ChargePointMaxProfile\",\"chargingProfileKind\":\"Absolute\","
                + "\"chargingSchedule\":{\"startSchedule\":\"2026-11-24T08:00:00Z\",\"chargingRateUnit\":\"A\","
                + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":8,\"numberPhases\":3}]}}}")
    }

    @Test func otherCommands() {
        func payload(_ command: ChargerCommand) -> String {
            JSONWriter.string(.object(command.ocpp16Request.jsonObject))
        }
        #expect(payload(.clearLimit(connectorId: 1, profileId: 101, purpose: .txDefaultProfile)) == "{\"id\":101}")
        #expect(
            payload(.startTransaction(connectorId: 2, idTag: "ampwise")) == "{\"connectorId\":2,\"idTag\":\"ampwise\"}")
        #expect(payload(.stopTransaction(transactionId: 9)) == "{\"transactionId\":9}")
        #expect(
            payload(.changeAvailability(connectorId: 0, available: false))
                == "{\"connectorId\":0,\"type\":\"Inoperative\"}")
    }
}
