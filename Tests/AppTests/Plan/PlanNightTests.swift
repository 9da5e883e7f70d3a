import Chronology
import Foundation
import JSON
import Rules
import Scheduling
import Testing

@testable import App

@Suite struct PlanNightTests {
    static let configuration = """
        {
          "timezone": "Europe/Amsterdam",
          "chargers": { "garage": { "maxCurrent": 16 }, "carport": { "maxCurrent": 16 } },
          "tariff": { "default": 0.30, "periods": [ { "from": "00:30", "to": "06:30", "price": 0.11 } ] }
        }
        """

    static let rules = """
        rule "off by default" {
            pause
        }
        rule "cheap overnight" {
            priority 1
            when time in 00:30..06:30
            charge
            limit 16 A
        }
        rule "garage fuse" {
            chargers garage, carport
            share 20 A
        }
        """

    static let inputs = """
        {
          "connectors": [
            { "charger": "garage", "connector": 1, "status": "Charging" },
            { "charger": "carport", "connector": 1,
              "status": [ { "at": "2026-11-25T00:00:00Z", "status": "Available" },
                          { "at": "2026-11-25T01:00:00Z", "status": "Charging" } ] }
          ]
        }
        """

    static func plan(inputs: String, rules: String, hours: Double = 8, step: Int = 60) throws -> [PlanSeries] {
        let configuration = try AmpwiseConfiguration(jsonText: Self.configuration, file: "ampwise.json")
        let parsed = try PlanInputs.parse(JSONParser.parse(inputs), file: "plan.json")
        let ruleSet = try #require(RuleChecker.check([RuleSource(path: "night.rules", text: rules)]).ruleSet)
        var tariff = configuration.tariffSchedule
        try tariff.push(parsed.tariff)
        return PlanSimulation.run(
            settings: configuration.engineSettings, ruleSet: ruleSet, tariff: tariff, scenario: parsed.scenario,
            from: try #require(RFC3339.parse("2026-11-24T23:00:00Z")), hours: hours, stepMinutes: step)
    }

    @Test func aNightWithACheapWindowAndASharedFuse() throws {
        let series = try Self.plan(inputs: Self.inputs, rules: Self.rules)
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let text = series.map { PlanTable.render($0, timeZone: zone) }.joined(separator: "\n")
        #expect(
            text == """
                carport:1
                time              state    limit  price  rules
                2026-11-25 00:00  pause      0 A   0.30  off by default
                           01:00  charge  16.0 A   0.11  cheap overnight
                           02:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           03:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           04:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           05:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           06:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           07:00  pause      0 A   0.30  off by default

                garage:1
                time              state    limit  price  rules
                2026-11-25 00:00  pause      0 A   0.30  off by default
                           01:00  charge  16.0 A   0.11  cheap overnight, garage fuse
                           02:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           03:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           04:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           05:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           06:00  charge  10.0 A   0.11  cheap overnight, garage fuse
                           07:00  pause      0 A   0.30  off by default

                """)
    }
}
