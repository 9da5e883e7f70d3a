import ChargePointManagement
import ChargingModel
import Foundation
import Rules
import Testing

@testable import Scheduling

@Suite struct SchedulingWorldTests {
    static let now = EngineHarness.start

    @Test func aConnectorSnapshotBecomesTheRulesConnectorState() {
        var connector = ConnectorSnapshot(id: 2)
        connector.status = .suspendedEV
        connector.measurands = [
            .powerActiveImport: MeasurandValue(value: 7200, unit: "W", at: Self.now),
            .currentImport: MeasurandValue(value: 10.4, unit: "A", at: Self.now),
            .currentOffered: MeasurandValue(value: 16, unit: "A", at: Self.now),
            .soc: MeasurandValue(value: 55, unit: "Percent", at: Self.now),
        ]
        connector.transaction = TransactionSnapshot(
            id: 9, idTag: "x", startedAt: Self.now.addingTimeInterval(-600), meterStart: 100, energyWh: 1500)
        connector.chargingSeconds = 420
        let state = SchedulingWorld.connectorState(chargerId: "garage", connector: connector, now: Self.now)
        #expect(
            state
                == ConnectorState(
                    chargerId: "garage", connectorId: 2, status: .suspendedEV, power: 7200, current: 10.4, offered: 16,
                    soc: 55, sessionEnergy: 1500, sessionDuration: 600, hasOpenTransaction: true,
                    chargingDuration: 420))
    }

    @Test func aConnectorThatNeverReportedIsAvailable() {
        let connector = ConnectorSnapshot(id: 1)
        #expect(
            SchedulingWorld.connectorState(chargerId: "g", connector: connector, now: Self.now).status == .available)
    }

    @Test func chargerFactsComeFromTheSettingsAndWhatTheChargerReported() {
        var snapshot = ChargerSnapshot(id: "garage")
        snapshot.limitUnit = .watts
        snapshot.maxStackLevel = 3
        snapshot.connectors = [ConnectorSnapshot(id: 0), ConnectorSnapshot(id: 1), ConnectorSnapshot(id: 2)]
        let facts = SchedulingWorld.chargerFacts(
            snapshot: snapshot,
            settings: EngineChargerSettings(
                phases: 1, voltage: 120, minCurrent: 8, maxCurrent: 32, idTag: "tag", pause: .remoteStop),
            workingPurpose: .txProfile)
        #expect(
            facts
                == ChargerFacts(
                    rateUnit: .watts, maxStackLevel: 3, voltage: 120, phases: 1, minCurrent: 8, maxCurrent: 32,
                    pause: .remoteStop, idTag: "tag", hasSingleConnector: false, workingProfilePurpose: .txProfile))
        #expect(SchedulingWorld.connectorFacts(snapshot: snapshot).map(\.connectorId) == [1, 2])
    }

    @Test func theWorldHoldsKnownInputsAndThePricesOfTheTariff() {
        var inputs = InputSet(maxAge: 300)
        inputs.set(.gridPower, to: -2000, at: Self.now)
        var tariff = TariffSchedule(defaultPrice: 0.3, timeZone: TimeZone(identifier: "UTC")!)
        try? tariff.push([TariffSlot(start: Self.now, end: Self.now.addingTimeInterval(900), price: 0.05)])
        let world = SchedulingWorld.ruleWorld(
            snapshots: [EngineHarness.charger("garage", status: .charging)], settings: EngineHarness.settings(),
            inputs: inputs, tariff: tariff, now: Self.now)
        #expect(world.inputs["grid.power"] == InputReading(value: -2000, updatedAt: Self.now))
        #expect(world.inputs["solar.surplus"] == InputReading(value: 2000, updatedAt: Self.now))
        #expect(world.prices.price(at: Self.now) == 0.05)
        #expect(world.prices.price(at: Self.now.addingTimeInterval(900)) == 0.3)
        #expect(world.chargers["garage"] == ChargerSettings(phases: 1, voltage: 230, minCurrent: 6, maxCurrent: 16))
        #expect(world.connectors.map(\.key) == [ConnectorKey(chargerId: "garage", connectorId: 1)])
    }
}
