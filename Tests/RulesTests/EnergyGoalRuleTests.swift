import ChargingModel
import Foundation
import Testing

@testable import Rules

/// An energy goal of the API acts as a rule named `goal` with priority 5 (SPEC §10).
@Suite struct EnergyGoalRuleTests {
    typealias F = RuleFixture

    /// 1 phase, 16 A at 230 V: 3,680 W, 920 Wh a quarter hour; 6 A minimum (1,380 W).
    static let chargers = ["garage": ChargerSettings(phases: 1, voltage: 230, minCurrent: 6, maxCurrent: 16)]
    /// Cheap from 03:00 to 04:00 local time, 0.30 otherwise.
    static let prices = PriceLookup { date in
        (F.date("2026-11-26 03:00")..<F.date("2026-11-26 04:00")).contains(date) ? 0.05 : 0.30
    }
    static let rules = """
        rule "night" { priority 1 charge limit 10 A }
        rule "cap" { limit 12 A }
        """

    private func decide(
        at local: String, energy: Double = 1800, delivered: Double? = 0, strategy: EnergyGoalStrategy = .cheapest,
        by: String = "2026-11-26 07:00", inputs: [String: Double] = [:], power: Double? = nil,
        rules: String = EnergyGoalRuleTests.rules
    ) -> ConnectorDecision {
        let connector = ConnectorState(
            chargerId: "garage", connectorId: 1, status: .charging, power: power, sessionEnergy: delivered,
            hasOpenTransaction: delivered != nil)
        var world = F.world(
            at: F.date(local), connectors: [connector], chargers: Self.chargers, inputs: inputs, prices: Self.prices)
        let goal = EnergyGoal(
            chargerId: "garage", connectorId: 1, energyWh: energy, by: F.date(by), strategy: strategy,
            setAt: F.date("2026-11-25 20:00"))
        world.goals = [goal.key: goal]
        return F.decideOne(rules, world)
    }

    @Test func theGoalChargesAtFullPowerInItsSlotsAndPausesOutsideThemAbovePriorityFour() {
        // 1.8 kWh: two quarter hours, 03:30 and 03:45 (the later ones on a tie).
        let outside = decide(at: "2026-11-25 23:00")
        #expect(outside.charging == .pause)
        #expect(outside.limitAmps == 0)
        #expect(outside.explanation.chargingRules == ["goal"])
        #expect(outside.explanation.goal == .waiting)
        let inside = decide(at: "2026-11-26 03:30")
        #expect(inside.charging == .charge)
        #expect(inside.limitAmps == 16)
        #expect(inside.explanation.chargingRules == ["goal"])
        #expect(inside.explanation.limitRules == ["goal"])
        #expect(inside.explanation.goal == .charging)
        #expect(inside.explanation.activeRules.contains("goal"))
        // A rule ranked above the goal on purpose still wins.
        let boost = decide(at: "2026-11-25 23:00", rules: Self.rules + "\nrule \"boost\" { priority 6 charge }")
        #expect(boost.charging == .charge)
        #expect(boost.explanation.chargingRules == ["boost"])
    }

    @Test func withoutASessionTheGoalDecidesNothing() {
        let decision = decide(at: "2026-11-26 03:30", delivered: nil)
        #expect(decision.charging == .charge)
        #expect(decision.explanation.chargingRules == ["night"])
        #expect(decision.limitAmps == 10)
        #expect(decision.explanation.goal == .waitingForSession)
    }

    @Test func aMetGoalPausesAndAnEndedOneIsGone() {
        let met = decide(at: "2026-11-26 03:30", delivered: 1800)
        #expect(met.charging == .pause)
        #expect(met.explanation.goal == .met)
        let ended = decide(at: "2026-11-26 07:00")
        #expect(ended.explanation.goal == nil)
        #expect(ended.explanation.chargingRules == ["night"])
    }

    @Test func aGoalThatCannotBeMetChargesAtFullPowerAndSaysSo() {
        // 5 kWh with an hour left: 4 quarter hours deliver 3.68 kWh.
        let decision = decide(at: "2026-11-26 06:00", energy: 5000)
        #expect(decision.charging == .charge)
        #expect(decision.limitAmps == 16)
        #expect(decision.explanation.goal == .cannotBeMet)
        #expect(EnergyGoalState.cannotBeMet.phrase == "cannot be met any more, charging at full power")
    }

    @Test func aSolarGoalChargesFromTheSurplusAndWaitsForTheCheapSlotsWithoutIt() {
        // Exporting 2,300 W while drawing nothing: 10 A from the sun.
        let sunny = decide(at: "2026-11-25 13:00", strategy: .solar, inputs: ["grid.power": -2300])
        #expect(sunny.charging == .charge)
        #expect(sunny.limitAmps == 10)
        #expect(sunny.explanation.goal == .solar)
        // Drawing 2,300 W and exporting 500 W more: 12.2 A.
        let following = decide(
            at: "2026-11-25 13:00", strategy: .solar, inputs: ["grid.power": -500], power: 2300)
        #expect(abs((following.limitAmps ?? 0) - 2800.0 / 230) < 1e-9)
        // Less than the minimum (1,380 W): the goal waits for its cheap quarter hours.
        let cloudy = decide(at: "2026-11-25 13:00", strategy: .solar, inputs: ["grid.power": -1000])
        #expect(cloudy.charging == .pause)
        #expect(cloudy.explanation.goal == .waiting)
        // In a planned quarter hour it charges at full power whatever the sun does.
        let night = decide(at: "2026-11-26 03:45", strategy: .solar, inputs: ["grid.power": 200])
        #expect(night.limitAmps == 16)
        #expect(night.explanation.goal == .charging)
        // Met: the surplus is still taken.
        let met = decide(at: "2026-11-25 13:00", delivered: 1800, strategy: .solar, inputs: ["grid.power": -2300])
        #expect(met.charging == .charge)
        #expect(met.explanation.goal == .solar)
    }
}
