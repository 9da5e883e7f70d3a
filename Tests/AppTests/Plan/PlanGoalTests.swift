import Chronology
import Foundation
import JSON
import Rules
import Scheduling
import Testing

@testable import App

/// A `goal` in a plan inputs file (docs/plan.md): the plan shows the goal charging in its cheap
/// quarter hours, the simulated car filling the session, and the goal pausing once it is met.
@Suite struct PlanGoalTests {
    /// 16 A on 3 phases at 230 V: 11,040 W, 2,760 Wh a quarter hour.
    static let configuration = """
        { "timezone": "Europe/Amsterdam", "chargers": { "garage": { "maxCurrent": 16 } }, "tariff": { "default": 0.30 } }
        """

    static let rules = """
        rule "day and night" {
            charge
            limit 10 A
        }
        """

    /// 11 kWh by 06:00; 02:00 to 03:00 (local) is the cheapest hour.
    static let inputs = """
        {
          "connectors": [
            { "charger": "garage", "connector": 1, "status": "Charging",
              "goal": { "energyKWh": 11, "by": "2026-11-25T06:00:00+01:00", "strategy": "cheapest" } }
          ],
          "tariff": [ { "start": "2026-11-25T01:00:00Z", "end": "2026-11-25T02:00:00Z", "price": 0.05 } ]
        }
        """

    @Test func theGoalChargesInTheCheapHourAndPausesOnceTheSimulatedSessionHoldsIt() throws {
        let configuration = try AmpwiseConfiguration(jsonText: Self.configuration, file: "ampwise.json")
        let parsed = try PlanInputs.parse(JSONParser.parse(Self.inputs), file: "plan.json")
        #expect(parsed.connectors.first?.goal?.energyWh == 11_000)
        let ruleSet = try #require(RuleChecker.check([RuleSource(path: "r.rules", text: Self.rules)]).ruleSet)
        var tariff = configuration.tariffSchedule
        try tariff.push(parsed.tariff)
        let series = PlanSimulation.run(
            settings: configuration.engineSettings, ruleSet: ruleSet, tariff: tariff, scenario: parsed.scenario,
            from: try #require(RFC3339.parse("2026-11-24T23:00:00Z")), hours: 8, stepMinutes: 60)
        let points = try #require(series.first?.points)
        // 00:00 to 07:00 local: waiting, the cheap hour at full power, met (paused), then the goal
        // ends at 06:00 and the rule decides again.
        #expect(
            points.map(\.state) == [
                .paused, .paused, .limited(amps: 16), .paused, .paused, .paused, .limited(amps: 10), .limited(amps: 10),
            ])
        #expect(points.map { $0.rules.contains("goal") } == [true, true, true, true, true, true, false, false])
    }

    @Test(arguments: [
        (
            #"{"energyKWh": 0, "by": "2026-11-25T06:00:00Z"}"#,
            "goal.energyKWh: expected a number above 0 and at most 1000"
        ),
        (#"{"energyKWh": 5}"#, "goal.by: expected an RFC 3339 time such as 2026-12-03T07:00:00+01:00"),
        (
            #"{"energyKWh": 5, "by": "2026-11-25T06:00:00Z", "strategy": "fast"}"#,
            #"goal.strategy: expected "cheapest" or "solar""#
        ),
        (
            #"{"energyKWh": 5, "by": "2026-11-25T06:00:00Z", "connector": 1}"#,
            "goal.connector: unknown field (expected energyKWh, by, strategy)"
        ),
    ])
    func badGoalsAreRefusedNamingTheField(goal: String, message: String) {
        let json = #"{"connectors": [{"charger": "g", "goal": "# + goal + "}]}"
        #expect(PlanInputsErrorTests.error(json) == "plan.json: connectors[0]." + message)
    }
}
