import Foundation
import Testing

@testable import Rules

/// Phase switching (SPEC §10, docs/rules.md "Phase switching"): 230 V, 6..16 A, so the 1-phase
/// minimum is 1380 W and the 3-phase minimum 4140 W.
@Suite struct PhaseSwitchingTests {
    typealias F = RuleFixture

    static let solar = #"rule "solar" { limit solar.surplus }"#
    static let switching = ChargerSettings(phaseSwitching: true)
    static let start = F.date("2026-11-25 12:00")

    /// A world at `seconds` after `start` with the solar surplus at `watts`.
    static func world(
        _ watts: Double, at seconds: Double = 0, settings: ChargerSettings = switching, interval: Double = 300
    ) -> RuleWorld {
        var world = F.world(
            at: start.addingTimeInterval(seconds), chargers: ["garage": settings], inputs: ["solar.surplus": watts])
        world.phaseSwitchInterval = interval
        return world
    }

    /// Evaluates `rules` at each world in turn with one memory, as the engine does.
    static func run(_ worlds: [RuleWorld], rules: String = solar) -> [ConnectorDecision] {
        let ruleSet = F.ruleSet(rules)
        var state = TemporalState()
        return worlds.map { ruleSet.evaluate($0, state: &state)[0] }
    }

    @Test(
        arguments: [
            // Too little even for 1 phase: paused, and no reason to switch.
            (1379, 3, nil),
            // From the 1-phase minimum up to the 3-phase one: 1 phase, in 1-phase amperes.
            (1380, 1, 6.0), (3000, 1, 3000 / 230.0),
            // Above 16 A on 1 phase (3680 W) but below the 3-phase minimum: capped at maxCurrent.
            (4139, 1, 16),
            // At the 3-phase minimum and above: 3 phases.
            (4140, 3, 6), (6900, 3, 10),
        ] as [(Double, Int, Double?)])
    func theLimitAsPowerChoosesThePhases(watts: Double, phases: Int, amps: Double?) {
        let decision = Self.run([Self.world(watts)])[0]
        #expect(decision.phases == phases)
        if let amps {
            #expect(decision.charging == .none)
            #expect(abs((decision.limitAmps ?? -1) - amps) < 1e-9)
        } else {
            #expect(decision.charging == .pause)
            #expect(decision.explanation.pauseReason == .belowMinimum)
        }
    }

    @Test func withoutPhaseSwitchingTheLimitStaysOnEveryPhase() {
        let decision = Self.run([Self.world(3000, settings: ChargerSettings())])[0]
        #expect(decision.phases == nil)
        #expect(decision.charging == .pause)
        #expect(decision.explanation.phaseSwitch == nil)
    }

    @Test func aSwitchIsExplainedWithThePowerAndTheThreshold() throws {
        let decision = Self.run([Self.world(3000)])[0]
        let phaseSwitch = try #require(decision.explanation.phaseSwitch)
        #expect((phaseSwitch.from, phaseSwitch.to, phaseSwitch.at) == (3, 1, Self.start))
        #expect(abs((phaseSwitch.askedWatts ?? 0) - 3000) < 1e-6)
        #expect(phaseSwitch.thresholdWatts == 4140)
        #expect(phaseSwitch.description == "switched to 1 phase: 3000 W asked is below the 3-phase minimum 4140 W")
    }

    @Test func atMostOneSwitchPerInterval() throws {
        let decisions = Self.run([
            Self.world(3000, at: 0),  // switches to 1 phase at once: the first switch
            Self.world(6000, at: 10),  // wants 3 phases, waits until 300
            Self.world(6000, at: 299),
            Self.world(6000, at: 300),  // switches back
            Self.world(3000, at: 310),  // wants 1 phase, waits until 600: too little for 3, paused
            Self.world(3000, at: 600),
        ])
        #expect(decisions.map(\.phases) == [1, 1, 1, 3, 3, 1])
        // Held on 1 phase, 6000 W is capped at 16 A; back on 3 phases it is 8.7 A.
        #expect(decisions[1].limitAmps == 16)
        #expect(abs((decisions[3].limitAmps ?? 0) - 6000 / 690.0) < 1e-9)
        #expect(decisions[4].charging == .pause)
        let waits = decisions.map { $0.explanation.phaseSwitchWaitsUntil?.timeIntervalSince(Self.start) }
        #expect(waits == [nil, 300, 300, nil, 600, nil])
        let switches = decisions.map { $0.explanation.phaseSwitch?.at.timeIntervalSince(Self.start) }
        #expect(switches == [0, 0, 0, 300, 300, 600])
    }

    @Test func theIntervalComesFromTheWorld() {
        let decisions = Self.run([Self.world(3000, at: 0, interval: 1), Self.world(6000, at: 1, interval: 1)])
        #expect(decisions.map(\.phases) == [1, 3])
    }

    @Test func noLimitMeansEveryPhaseAndAPauseKeepsThePhasesInUse() {
        let rules = """
            rule "solar" { when input.mode == 1 limit solar.surplus }
            rule "full" { when input.mode == 2 charge }
            rule "off" { when input.mode == 3 pause limit solar.surplus }
            """
        func world(_ mode: Double, at seconds: Double) -> RuleWorld {
            var world = Self.world(3000, at: seconds, interval: 1)
            world.inputs["input.mode"] = InputReading(value: mode, updatedAt: world.now)
            return world
        }
        let decisions = Self.run([world(1, at: 0), world(3, at: 10), world(2, at: 20), world(3, at: 30)], rules: rules)
        #expect(decisions.map(\.phases) == [1, 1, 3, 3])
        #expect(decisions.map(\.charging) == [.none, .pause, .charge, .pause])
    }

    @Test func aLimitInAmperesIsPerPhaseInUse() {
        // 10 A on 3 phases is 6900 W: it stays there. 5 A on 3 phases is 3450 W: 1 phase at 15 A.
        let rules = #"rule "fixed" { limit input.amps * 1 A }"#
        func world(_ amps: Double) -> RuleWorld {
            var world = Self.world(0)
            world.inputs["input.amps"] = InputReading(value: amps, updatedAt: world.now)
            return world
        }
        #expect(Self.run([world(10)], rules: rules).map(\.phases) == [3])
        let decision = Self.run([world(5)], rules: rules)[0]
        #expect(decision.phases == 1)
        #expect(decision.limitAmps == 15)
    }

    /// A `share` budget counts a 1-phase connector's current as the current on its one phase.
    /// The garage is on 1 phase at 13.0 A (3000 W), the carport (no switching) wants 16 A on 3.
    @Test(arguments: [
        // 13.0 A and 16 A do not fit in 20 A: 10 A each, the garage's 10 A on its one phase.
        ("share 20 A", [10.0, 10]),
        // In W the garage counts at one phase's voltage: the carport needs its 3-phase minimum,
        // 4140 W, the garage gets the other 1860 W on 1 phase, 8.0 A (rounded down to tenths).
        ("share 6 kW", [8, 6]),
    ])
    func aBudgetCountsAOnePhaseConnectorOnItsOnePhase(budget: String, amps: [Double]) {
        let rules = """
            rule "solar" { chargers garage limit solar.surplus }
            rule "fuse" { \(budget) }
            """
        var world = Self.world(3000)
        world.connectors = [F.connector("garage"), F.connector("carport")]
        let decisions = F.decide(rules, world)
        #expect(decisions.map(\.phases) == [1, nil])
        #expect(decisions.map(\.limitAmps) == amps)
    }
}
