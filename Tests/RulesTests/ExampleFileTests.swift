import Foundation
import Testing

@testable import Rules

@Suite struct ExampleFileTests {
    /// The repository's `rules/` folder, found from this file's location.
    static let rulesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    static func source(_ relativePath: String) throws -> RuleSource {
        let url = rulesFolder.appendingPathComponent(relativePath)
        return RuleSource(path: "rules/" + relativePath, text: try String(contentsOf: url, encoding: .utf8))
    }

    static let examples = [
        "cheap-tariff-overnight.rules", "solar-following.rules", "auto-start.rules", "house-fuse-cap.rules",
        "shared-fuse.rules", "cheapest-before-departure.rules", "energy-goal.rules",
    ]

    @Test func everyExampleIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.rulesFolder.appendingPathComponent("examples").path)
        #expect(files.filter { $0.hasSuffix(".rules") }.sorted() == Self.examples.sorted())
    }

    @Test(arguments: examples) func exampleChecksOnItsOwn(_ name: String) throws {
        let result = RuleChecker.check([try Self.source("examples/" + name)])
        #expect(result.diagnostics.map(\.description) == [])
        #expect((result.ruleSet?.ruleCount ?? 0) > 0)
    }

    @Test func allExamplesAndTheStarterCheckTogether() throws {
        let sources = try (["starter.rules"] + Self.examples.map { "examples/" + $0 }).map(Self.source)
        let result = RuleChecker.check(sources)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.ruleSet?.summary == "8 files, 12 rules: no errors")
    }

    /// README's tour shows three examples "copied from `rules/examples/`": they must be the examples'
    /// rules, names and clauses alike (issue 9: they had drifted apart).
    @Test func theReadmeToursRulesAreTheExamplesOwn() throws {
        let readme = try String(
            contentsOf: Self.rulesFolder.deletingLastPathComponent().appendingPathComponent("README.md"),
            encoding: .utf8)
        let marker = ", copied from `rules/examples/`:\n\n```\n"
        var shown: [String] = []
        var rest = readme[...]
        while let found = rest.range(of: marker) {
            let name = rest[..<found.lowerBound].split(separator: "`").last.map(String.init) ?? ""
            let body = rest[found.upperBound...]
            guard let end = body.range(of: "```") else { break }
            shown.append(name)
            let inReadme = RuleChecker.check([RuleSource(path: "README.md", text: String(body[..<end.lowerBound]))])
            let example = RuleChecker.check([
                try Self.source("examples/" + name.replacingOccurrences(of: "rules/", with: ""))
            ])
            #expect(inReadme.diagnostics.map(\.description) == [], "\(name)")
            #expect(inReadme.ruleSet?.rules.map(\.text) == example.ruleSet?.rules.map(\.text), "\(name)")
            rest = body[end.upperBound...]
        }
        #expect(
            shown == [
                "rules/cheap-tariff-overnight.rules", "rules/solar-following.rules", "rules/auto-start.rules",
            ])
    }

    @Test func theStarterHasNoActiveRule() throws {
        let result = RuleChecker.check([try Self.source("starter.rules")])
        #expect(result.ruleSet?.ruleCount == 0)
    }

    @Test func cheapTariffExampleChargesOnWeekdayNightsOnly() throws {
        let ruleSet = try #require(
            RuleChecker.check([try Self.source("examples/cheap-tariff-overnight.rules")]).ruleSet)
        func charging(_ local: String) -> ChargingDecision {
            var state = TemporalState()
            return ruleSet.evaluate(RuleFixture.world(at: RuleFixture.date(local)), state: &state)[0].charging
        }
        #expect(charging("2026-11-25 01:00") == .charge)
        #expect(charging("2026-11-25 07:00") == .pause)
        #expect(charging("2026-11-28 01:00") == .pause)  // Saturday
    }

    @Test func solarExampleFollowsTheSurplusWithHysteresis() throws {
        let ruleSet = try #require(RuleChecker.check([try Self.source("examples/solar-following.rules")]).ruleSet)
        var state = TemporalState()
        let start = RuleFixture.date("2026-06-01 12:00")
        func step(_ seconds: Double, grid: Double, power: Double) -> ConnectorDecision {
            let world = RuleFixture.world(
                at: start.addingTimeInterval(seconds), connectors: [RuleFixture.connector(power: power)],
                inputs: ["grid.power": grid])
            return ruleSet.evaluate(world, state: &state)[0]
        }
        #expect(step(0, grid: -5000, power: 0).charging == .pause)
        let following = step(60, grid: -3000, power: 2000)
        #expect(following.charging == .charge)
        #expect(following.limitAmps == 5000.0 / 690)
        // A cloud: export gone, but the hold keeps it at the minimum.
        let cloudy = step(90, grid: 1500, power: 2000)
        #expect(cloudy.charging == .charge)
        #expect(cloudy.limitAmps == 6)
        // Three minutes after the cloud came, the hold ends and "solar: off" pauses.
        #expect(step(269, grid: 5000, power: 4140).charging == .charge)
        let ended = step(270, grid: 5000, power: 4140)
        #expect(ended.charging == .pause)
        #expect(ended.explanation.chargingRules == ["solar: off"])
    }
}
