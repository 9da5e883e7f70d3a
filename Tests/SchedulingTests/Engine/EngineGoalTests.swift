import ChargingModel
import Foundation
import Rules
import Store
import TestSupport
import Testing

@testable import Scheduling

/// Energy goals set through the engine's control (the API's path): planned, decided as the rule
/// `goal`, re-planned when prices change, ended with the session or at `by`, kept in the store.
@Suite struct EngineGoalTests {
    /// The harness charger: 1 phase, 16 A at 230 V: 3,680 W, 920 Wh a quarter hour.
    static let rules = #"rule "night" { charge limit 10 A }"#
    static let start = EngineHarness.start

    static func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }

    static func cheap(from hours: Double, price: Double) -> [PriceSlot] {
        [PriceSlot(start: at(hours), end: at(hours + 1), price: price)]
    }

    static func goal(energy: Double = 1800, by: Double = 6, strategy: EnergyGoalStrategy = .cheapest)
        -> EnergyGoalRequest
    {
        EnergyGoalRequest(chargerId: "garage", connectorId: 1, energyWh: energy, by: at(by), strategy: strategy)
    }

    @Test func aGoalChargesInItsCheapSlotsPausesOutsideThemAndAPriceUpdateReplansAtOnce() async throws {
        let harness = try EngineHarness(rules: Self.rules)
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])
        try await harness.engine.replaceTariff(Self.cheap(from: 2, price: 0.05))
        // 1.8 kWh: two quarter hours, the later two of the cheap hour.
        let plan = try await harness.engine.setGoal(Self.goal())
        #expect(plan.slots.map(\.start) == [Self.at(2.5), Self.at(2.75)])
        #expect(plan.state == .waiting)
        #expect(plan.canMeet)
        #expect(abs((plan.expectedCost ?? 0) - 1.8 * 0.05) < 1e-9)
        #expect(plan.goal.transactionId == 7)
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxDefaultProfile 0.0"])

        await harness.advance(by: 2.5 * 3600)
        #expect(harness.profiles.last == "TxDefaultProfile 16.0")
        let charging = try #require(try await harness.decisions().last)
        #expect(charging.rules["charging"] == ["goal"])
        #expect(charging.explanation == "charge at 16.0 A (charging: goal; limit: goal); goal: in a planned slot")

        // Cheaper later: the next pass pauses the car and plans the new cheap hour.
        try await harness.engine.replaceTariff(Self.cheap(from: 4, price: 0.01))
        await harness.engine.settle()
        #expect(harness.profiles.last == "TxDefaultProfile 0.0")
        let replanned = try #require(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1))
        #expect(replanned.slots.map(\.start) == [Self.at(4.5), Self.at(4.75)])
        let states = await harness.engine.connectorStates(chargerId: "garage")
        #expect(states[1]?.goal == replanned)
        // The goal pauses; the night rule's limit stays the limit family's.
        #expect(states[1]?.rules == ["goal", "night"])
        await harness.stop()
    }

    /// `GET /api/chargers` and a new event stream read every connector's state at once: each holds
    /// its goal, as one charger's states do.
    @Test func everyConnectorsStateHoldsItsGoalAsOneChargersStatesDo() async throws {
        let harness = try EngineHarness(rules: Self.rules)
        await harness.start()
        try await harness.engine.replaceTariff(Self.cheap(from: 2, price: 0.05))
        _ = try await harness.engine.setGoal(Self.goal())
        await harness.engine.settle()
        let plan = try #require(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1))
        let all = await harness.engine.allConnectorStates()
        let one = await harness.engine.connectorStates(chargerId: "garage")
        #expect(all["garage"]?[1]?.goal == plan)
        #expect(all["garage"]?[1] == one[1])
        await harness.stop()
    }

    @Test func aGoalThatCannotBeMetChargesAtFullPowerAndSaysSo() async throws {
        let harness = try EngineHarness(rules: #"rule "off" { pause }"#)
        await harness.start()
        // 10 kWh in an hour at 3,680 W: not possible.
        let plan = try await harness.engine.setGoal(Self.goal(energy: 10_000, by: 1))
        #expect(!plan.canMeet)
        #expect(plan.state == .cannotBeMet)
        // A resume is an increase: paced by minIncreaseInterval (10 s) after the pause at start.
        await harness.advance(by: 10)
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 16.0"])
        let decision = try #require(try await harness.decisions().last)
        #expect(decision.explanation.hasSuffix("; goal: cannot be met any more, charging at full power"))
        await harness.stop()
    }

    @Test func goalsTheEngineCannotTakeAreRefusedNamingTheField() async throws {
        let harness = try EngineHarness(rules: Self.rules)
        await harness.start()
        await #expect(throws: SchedulerControlError("by: must be in the future")) {
            try await harness.engine.setGoal(Self.goal(by: 0))
        }
        await #expect(throws: SchedulerControlError("by: must be within 7 days")) {
            try await harness.engine.setGoal(Self.goal(by: 24 * 8))
        }
        await #expect(throws: SchedulerControlError("energyKWh: expected a number above 0 and at most 1000")) {
            try await harness.engine.setGoal(Self.goal(energy: 0))
        }
        #expect(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1) == nil)
        await harness.stop()
    }

    @Test func aGoalEndsWithItsSessionAndLeavesTheStore() async throws {
        let harness = try EngineHarness(rules: Self.rules)
        await harness.start()
        _ = try await harness.engine.setGoal(Self.goal())
        #expect(try await harness.store.energyGoals().map(\.transactionId) == [7])
        harness.directory.setConnector("garage", 1, status: .finishing)
        await harness.changed(.transactionStopped(chargerId: "garage", connectorId: 1, transactionId: 7))
        #expect(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1) == nil)
        // The rules decide alone again.
        #expect(try await harness.decisions().last?.rules["charging"] == ["night"])
        await harness.engine.stop()
        #expect(try await harness.store.energyGoals().isEmpty)
        await harness.store.close()
    }

    @Test func aGoalSetBeforeTheSessionTakesTheSessionThatOpensAndEndsAtBy() async throws {
        let harness = try EngineHarness(
            rules: Self.rules, chargers: [EngineHarness.charger("garage", status: .available)])
        await harness.start()
        let plan = try await harness.engine.setGoal(Self.goal())
        #expect(plan.state == .waitingForSession)
        #expect(plan.goal.transactionId == nil)
        harness.directory.setConnector("garage", 1, status: .charging, transactionId: 12)
        await harness.changed(.transactionStarted(chargerId: "garage", connectorId: 1, transactionId: 12))
        #expect(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1)?.goal.transactionId == 12)
        await harness.advance(by: 6 * 3600)
        #expect(await harness.engine.goalPlan(chargerId: "garage", connectorId: 1) == nil)
        await harness.stop()
    }

    @Test func aRestartKeepsTheGoal() async throws {
        let folder = try TemporaryDirectory()
        let first = try EngineHarness(rules: Self.rules, folder: folder)
        await first.start()
        let set = try await first.engine.setGoal(Self.goal(energy: 5000, strategy: .solar))
        await first.stop()

        let second = try EngineHarness(rules: Self.rules, folder: folder)
        await second.start()
        let kept = try #require(await second.engine.goalPlan(chargerId: "garage", connectorId: 1))
        #expect(kept.goal == set.goal)
        #expect(await second.engine.clearGoal(chargerId: "garage", connectorId: 1))
        #expect(await second.engine.clearGoal(chargerId: "garage", connectorId: 1) == false)
        await second.stop()
    }
}
