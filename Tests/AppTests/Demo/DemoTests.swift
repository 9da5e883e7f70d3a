import ChargerSimulation
import Foundation
import Rules
import TestSupport
import Testing

@testable import App

/// `ampwise demo`'s parts: its rules are the examples', and its configuration is a site that
/// checks.
@Suite struct DemoTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDemoRulesAreCopiesOfTheExamples() throws {
        for (name, text) in DemoRules.files {
            let example = try String(
                contentsOf: Self.root.appendingPathComponent("rules/examples").appendingPathComponent(name),
                encoding: .utf8)
            #expect(text == example, "\(name) differs from rules/examples/\(name)")
        }
    }

    @Test func theDemoRulesCheckAndNameOnlyTheDemosChargers() throws {
        let sources = DemoRules.files.map { RuleSource(path: $0.name, text: $0.text) }
        let ruleSet = try #require(RuleChecker.check(sources).ruleSet)
        #expect(ruleSet.selectorWarnings(chargerIds: Set(DemoCommand.chargerIds(3))).isEmpty)
    }

    @Test func theDemoWritesItsRulesAndKeepsEverythingInItsFolder() throws {
        let folder = try TemporaryDirectory()
        let configuration = try DemoCommand.prepare(
            folder: URL(fileURLWithPath: folder.path), options: DemoOptions(chargers: 4, port: 9999))
        #expect(configuration.api.port == 9999)
        #expect(configuration.central.port == 0)
        #expect(configuration.database.hasPrefix(folder.path))
        #expect(Set(configuration.chargers.keys) == ["garage", "carport", "visitor", "bay-4"])
        #expect(configuration.chargers["garage"]?.phases == 3 && configuration.chargers["carport"]?.phases == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: configuration.rules).sorted()
        #expect(written == DemoRules.files.map(\.name).sorted())
    }

    @Test func aSunnyHourPassesInARealMinute() {
        let start = Date(timeIntervalSince1970: 1_795_593_600)
        let house = DemoHouse(clockStart: start)
        #expect(house.simulatedHour(at: start) == 9.5)
        #expect(abs(house.simulatedHour(at: start.addingTimeInterval(60)) - 10.5) < 1e-9)
        let inputs = house.inputs(at: start.addingTimeInterval(120), chargersWatts: 4000)
        let solar = try? #require(inputs[.solarPower] ?? nil)
        let grid = try? #require(inputs[.gridPower] ?? nil)
        #expect((solar ?? 0) > 5000)
        #expect(grid == (house.house.baseLoadWatts(atHour: 11.5) + 4000 - (solar ?? 0)).rounded())
    }
}
