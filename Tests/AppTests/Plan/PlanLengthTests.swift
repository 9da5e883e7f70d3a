import Foundation
import JSON
import Rules
import Scheduling
import Testing

@testable import App

/// A plan's length follows its flags and `scheduler.tick`; each is bounded, so no combination
/// runs without end (`--hours 1e9` and `scheduler.tick: 1e-300` did).
@Suite(.timeLimit(.minutes(1))) struct PlanLengthTests {
    @Test func theDefaultsAndAMonthAtTheDefaultTickAreAllowed() {
        #expect(PlanOptions().lengthProblem(tick: 10) == nil)
        #expect(PlanOptions(hours: 744, stepMinutes: 5).lengthProblem(tick: 10) == nil)
    }

    @Test func moreThanTenThousandStepsAreRefusedNamingTheFlags() {
        #expect(
            PlanOptions(hours: 744, stepMinutes: 1).lengthProblem(tick: 10)
                == "--hours 744 at --step 1 makes 44640 steps, more than the 10000 a plan may have "
                + "(a longer --step or fewer --hours)")
    }

    @Test func moreThanHalfAMillionEvaluationsAreRefusedNamingTheTick() {
        #expect(
            PlanOptions(hours: 744, stepMinutes: 60).lengthProblem(tick: 0.1)
                == "--hours 744 with scheduler.tick 0.1 evaluates the rules 26784000 times, more than the 500000 "
                + "a plan may (fewer --hours, or a longer scheduler.tick in a configuration for the plan)")
        #expect(PlanOptions(hours: 13, stepMinutes: 60).lengthProblem(tick: 0.1) == nil)
    }

    /// The simulation floors the tick as the configuration does: adding 1e-300 s to a date leaves it
    /// unchanged, and the loop never moved on.
    @Test func aTickTooSmallToMoveTheClockStillEnds() throws {
        let ruleSet = try #require(
            RuleChecker.check([RuleSource(path: "a.rules", text: "rule \"a\" { charge }")]).ruleSet)
        let zone = try #require(TimeZone(identifier: "UTC"))
        let inputs = PlanInputs.defaults(chargerIds: ["garage"])
        let series = PlanSimulation.run(
            settings: EngineSettings(timeZone: zone, tick: 1e-300), ruleSet: ruleSet,
            tariff: TariffSchedule(defaultPrice: 0.3, periods: [], timeZone: zone), scenario: inputs.scenario,
            from: Date(timeIntervalSince1970: 1_795_593_600), hours: 0.1, stepMinutes: 1)
        #expect(series.map(\.points.count) == [6])
    }
}
