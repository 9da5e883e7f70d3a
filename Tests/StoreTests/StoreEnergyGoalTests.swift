import ChargingModel
import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

@Suite struct StoreEnergyGoalTests {
    static let now = Date(timeIntervalSince1970: 1_795_564_800)

    @Test func aGoalIsKeptReplacedPerConnectorAndDeleted() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("goals.sqlite")
        let store = try Store(path: path)
        let first = EnergyGoal(
            chargerId: "garage", connectorId: 1, energyWh: 20_000, by: Self.now.addingTimeInterval(3600),
            strategy: .cheapest, setAt: Self.now, transactionId: nil)
        var replaced = first
        replaced.energyWh = 12_500
        replaced.strategy = .solar
        replaced.transactionId = 17
        let other = EnergyGoal(
            chargerId: "garage", connectorId: 2, energyWh: 5000, by: Self.now.addingTimeInterval(7200),
            setAt: Self.now)
        try await store.saveEnergyGoal(first)
        try await store.saveEnergyGoal(other)
        try await store.saveEnergyGoal(replaced)
        await store.close()

        // Read back after a reopen, as a restart does.
        let reopened = try Store(path: path)
        #expect(try await reopened.energyGoals() == [replaced, other])
        try await reopened.deleteEnergyGoal(chargerId: "garage", connectorId: 1)
        #expect(try await reopened.energyGoals() == [other])
        await reopened.close()
    }
}
