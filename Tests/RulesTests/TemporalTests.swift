import ChargingModel
import Foundation
import Testing

@testable import Rules

@Suite struct TemporalTests {
    typealias F = RuleFixture

    /// Runs `rules` over a timeline of (seconds from start, surplus in W) and returns, per step,
    /// whether the probe rule was active.
    private func timeline(_ rules: String, _ steps: [(Double, Double)]) -> [Bool] {
        let ruleSet = F.ruleSet(rules)
        var state = TemporalState()
        let start = F.date("2026-06-01 12:00")
        return steps.map { seconds, surplus in
            let world = F.world(at: start.addingTimeInterval(seconds), inputs: ["solar.surplus": surplus])
            return ruleSet.evaluate(world, state: &state)[0].charging == .charge
        }
    }

    @Test func forWaitsUntilTheConditionHeldLongEnough() {
        let rules = #"rule "sun" { when solar.surplus >= 1.4 kW for 1m charge }"#
        let result = timeline(rules, [(0, 2000), (30, 2000), (59, 2000), (60, 2000), (90, 2000)])
        #expect(result == [false, false, false, true, true])
    }

    @Test func aBreakRestartsTheForClock() {
        let rules = #"rule "sun" { when solar.surplus >= 1.4 kW for 1m charge }"#
        let result = timeline(rules, [(0, 2000), (40, 500), (50, 2000), (100, 2000), (110, 2000)])
        #expect(result == [false, false, false, false, true])
    }

    @Test func holdKeepsItTrueAfterTheConditionTurnsFalse() {
        let rules = #"rule "sun" { when solar.surplus >= 1.4 kW for 1m hold 3m charge }"#
        let steps: [(Double, Double)] = [
            (0, 2000), (60, 2000),  // on after a minute
            (120, 300),  // cloud: held
            (200, 300),  // still held (80 s into the hold)
            (240, 2000),  // sun back inside the hold: stays on, hold is reset
            (250, 300),  // cloud again: hold restarts at 250
            (429, 300),  // 179 s: still held
            (430, 300),  // 180 s: off
            (440, 2000),  // back, but must hold for a minute again
            (500, 2000),
        ]
        #expect(timeline(rules, steps) == [false, true, true, true, true, true, true, false, false, true])
    }

    @Test func holdWithoutForTurnsOnAtOnce() {
        let rules = #"rule "sun" { when solar.surplus >= 1.4 kW hold 30s charge }"#
        #expect(timeline(rules, [(0, 2000), (10, 0), (39, 0), (40, 0)]) == [true, true, true, false])
    }

    @Test func unknownCountsAsFalseForTheClock() {
        let ruleSet = F.ruleSet(#"rule "sun" { when solar.surplus >= 1.4 kW for 1m charge }"#)
        var state = TemporalState()
        let start = F.date("2026-06-01 12:00")
        _ = ruleSet.evaluate(F.world(at: start, inputs: ["solar.surplus": 2000]), state: &state)
        _ = ruleSet.evaluate(F.world(at: start.addingTimeInterval(30)), state: &state)
        let later = ruleSet.evaluate(
            F.world(at: start.addingTimeInterval(60), inputs: ["solar.surplus": 2000]), state: &state)
        #expect(later[0].charging == .none)
    }

    @Test func clocksAreKeptPerConnector() {
        let ruleSet = F.ruleSet(#"rule "plugged" { when status is Charging for 1m charge }"#)
        var state = TemporalState()
        let start = F.date("2026-06-01 12:00")
        let first = [F.connector("a", status: .charging), F.connector("b", status: .available)]
        _ = ruleSet.evaluate(F.world(at: start, connectors: first), state: &state)
        let second = [F.connector("a", status: .charging), F.connector("b", status: .charging)]
        let decisions = ruleSet.evaluate(F.world(at: start.addingTimeInterval(60), connectors: second), state: &state)
        #expect(decisions.map(\.charging) == [.charge, .none])
    }

    @Test func memorySurvivesAReloadThatKeepsTheClause() {
        var state = TemporalState()
        let start = F.date("2026-06-01 12:00")
        let before = F.ruleSet(#"rule "sun" { when solar.surplus >= 1.4 kW for 1m charge }"#)
        _ = before.evaluate(F.world(at: start, inputs: ["solar.surplus": 2000]), state: &state)
        let after = F.ruleSet(
            #"rule "aaa" { when true for 1h pause } rule "sun" { when solar.surplus >= 1.4 kW for 1m charge }"#)
        let decision = after.evaluate(
            F.world(at: start.addingTimeInterval(60), inputs: ["solar.surplus": 2000]), state: &state)
        #expect(decision[0].charging == .charge)
    }

    @Test func memoryOnlyHoldsTheConnectorsOfTheLastWorld() {
        let ruleSet = F.ruleSet(#"rule "x" { when true for 1m charge }"#)
        var state = TemporalState()
        _ = ruleSet.evaluate(F.world(connectors: [F.connector("a"), F.connector("b")]), state: &state)
        _ = ruleSet.evaluate(F.world(connectors: [F.connector("a")]), state: &state)
        #expect(Array(state.clocks.keys) == [ConnectorKey(chargerId: "a", connectorId: 1)])
    }
}
