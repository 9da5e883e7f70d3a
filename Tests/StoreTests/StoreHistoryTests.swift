import Foundation
import TestSupport
import Testing

@testable import Store

/// What the dashboard's charts read: downsampled in SQL.
@Suite struct StoreHistoryTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    static func sample(
        _ second: Double, _ measurand: String, _ value: Double, connector: Int = 1, phase: String? = nil
    ) -> MeterValueRecord {
        MeterValueRecord(
            chargerId: "garage", connectorId: connector, at: start.addingTimeInterval(second), measurand: measurand,
            phase: phase, value: value, unit: "W")
    }

    @Test func meterValuesAreAveragedPerStepAndEmptyStepsLeftOut() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("history.sqlite"))
        store.recordMeterValues([
            Self.sample(0, "Power.Active.Import", 1000), Self.sample(30, "Power.Active.Import", 3000),
            Self.sample(30, "Power.Active.Import", 999_999, phase: "L1"),
            Self.sample(30, "Power.Active.Import", 999_999, connector: 2),
            Self.sample(10, "Energy.Active.Import.Register", 500),
            Self.sample(50, "Energy.Active.Import.Register", 700),
            Self.sample(20, "Current.Import", 10), Self.sample(20, "Current.Import", 12, phase: "L2"),
            Self.sample(200, "Power.Active.Import", 4000),
        ])
        let buckets = try await store.meterHistory(
            chargerId: "garage", connectorId: 1, since: Self.start, until: Self.start.addingTimeInterval(300), step: 60)
        #expect(
            buckets == [
                MeterHistoryBucket(index: 0, power: 2000, current: 11, energyWh: 700),
                MeterHistoryBucket(index: 3, power: 4000, current: nil, energyWh: nil),
            ])
        await store.close()
    }

    @Test func theDecisionInForceAtTheStartComesFirst() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("history.sqlite"))
        for (second, limit) in [(-100.0, 6.0), (-50, 8), (100, 10), (400, 12)] {
            _ = try await store.recordDecision(
                DecisionRecord(
                    at: Self.start.addingTimeInterval(second), chargerId: "garage", connectorId: 1, charging: true,
                    limitAmps: limit))
        }
        let limits = try await store.decisionLimits(
            chargerId: "garage", connectorId: 1, since: Self.start, until: Self.start.addingTimeInterval(300))
        #expect(limits.map(\.limitAmps) == [8, 10])
        await store.close()
    }

    @Test func inputValuesAreKeptAndAveragedPerStep() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("history.sqlite"))
        store.recordInputs(["grid.power": 100, "solar.power": nil], at: Self.start)
        store.recordInputs(["grid.power": 300], at: Self.start.addingTimeInterval(30))
        store.recordInputs(["grid.power": -50], at: Self.start.addingTimeInterval(90))
        let buckets = try await store.inputHistory(
            since: Self.start, until: Self.start.addingTimeInterval(120), step: 60)
        #expect(
            buckets == [
                InputHistoryBucket(index: 0, name: "grid.power", value: 200),
                InputHistoryBucket(index: 1, name: "grid.power", value: -50),
            ])
        await store.close()
    }
}
