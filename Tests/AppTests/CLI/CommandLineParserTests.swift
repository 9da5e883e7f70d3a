import Foundation
import Testing

@testable import App

@Suite struct CommandLineParserTests {
    static let morning = Date(timeIntervalSince1970: 1_795_593_600)  // 2026-11-25T08:00:00Z

    func parse(_ arguments: String...) throws -> ParsedCommand {
        try CommandLineParser.parse(arguments)
    }

    @Test func serveTakesEveryFlagInBothForms() throws {
        #expect(try parse("serve") == .serve(ServeOptions()))
        let expected = ParsedCommand.serve(
            ServeOptions(configPath: "site.json", rulesPath: "my rules", databasePath: "a.sqlite", logLevel: .debug))
        #expect(
            try parse(
                "serve", "--config", "site.json", "--rules", "my rules", "--db", "a.sqlite", "--log-level", "debug")
                == expected)
        #expect(
            try parse("serve", "--config=site.json", "--rules=my rules", "--db=a.sqlite", "--log-level=debug")
                == expected)
        #expect(try parse("serve", "--log-level", "WARNING") == .serve(ServeOptions(logLevel: .warning)))
        #expect(try parse("serve", "--log-format", "journal") == .serve(ServeOptions(logFormat: .journal)))
        #expect(throws: CommandLineError.self) { try parse("serve", "--log-format", "json") }
        #expect(try parse("serve", "--config=a=b.json") == .serve(ServeOptions(configPath: "a=b.json")))
    }

    @Test func checkTakesPathsAndAConfig() throws {
        #expect(try parse("check") == .check(CheckOptions()))
        #expect(
            try parse("check", "rules/a.rules", "--config", "site.json", "rules/extra")
                == .check(CheckOptions(paths: ["rules/a.rules", "rules/extra"], configPath: "site.json")))
        #expect(try parse("check", "--", "--odd.rules") == .check(CheckOptions(paths: ["--odd.rules"])))
    }

    @Test func planTakesEveryFlagWithDefaults() throws {
        #expect(try parse("plan") == .plan(PlanOptions()))
        #expect(PlanOptions().hours == 24)
        #expect(PlanOptions().stepMinutes == 15)
        #expect(try parse("plan", "--hours", "5e-1") == .plan(PlanOptions(hours: 0.5)))
        let parsed = try parse(
            "plan", "--config", "site.json", "--rules=r", "--from", "2026-11-25T09:00:00+01:00", "--hours", "1.5",
            "--inputs", "inputs.json", "--step=5", "--svg", "plan.svg", "--log-level", "error")
        #expect(
            parsed
                == .plan(
                    PlanOptions(
                        configPath: "site.json", rulesPath: "r", from: Self.morning, hours: 1.5,
                        inputsPath: "inputs.json", stepMinutes: 5, svgPath: "plan.svg", logLevel: .error)))
    }

    @Test func datesAreISO8601WithAZone() throws {
        for text in [
            "2026-11-25T08:00:00Z", "2026-11-25T08:00:00.000Z", "2026-11-25T09:00+01:00", "2026-11-25T03:00:00-05:00",
            "2026-11-25T08:00Z",
        ] {
            #expect(try parse("plan", "--from", text) == .plan(PlanOptions(from: Self.morning)), "\(text)")
        }
    }

    @Test func whyTakesAChargerAndItsFlags() throws {
        #expect(try parse("why", "garage") == .why(WhyOptions(chargerId: "garage")))
        #expect(
            try parse(
                "why", "--connector", "0", "garage", "--since=2026-11-25T08:00:00Z", "--config", "c.json", "--db", "d")
                == .why(
                    WhyOptions(
                        chargerId: "garage", connector: 0, since: Self.morning, configPath: "c.json",
                        databasePath: "d")))
        #expect(try parse("why", "--", "-charger-") == .why(WhyOptions(chargerId: "-charger-")))
    }

    @Test func versionAndHelp() throws {
        #expect(try parse("--version") == .version)
        #expect(try CommandLineParser.parse([]) == .help(nil))
        #expect(try parse("help") == .help(nil))
        #expect(try parse("--help") == .help(nil))
        #expect(try parse("-h") == .help(nil))
        #expect(try parse("help", "plan") == .help(.plan))
        #expect(try parse("serve", "--help") == .help(.serve))
        #expect(try parse("why", "garage", "-h") == .help(.why))
        #expect(try parse("plan", "--bogus", "--help") == .help(.plan))
        #expect(try parse("check", "--", "-h") == .check(CheckOptions(paths: ["-h"])))
    }

    @Test func theFlagsOverrideTheConfigurationFile() throws {
        var file = AmpwiseConfiguration()
        file.rules = "/etc/ampwise/rules"
        file.database = "/var/lib/ampwise.sqlite"
        file.logLevel = .warning
        let served = ServeOptions(rulesPath: "r", databasePath: "d.sqlite", logLevel: .debug).applied(to: file)
        #expect(served.rules == "r")
        #expect(served.database == "d.sqlite")
        #expect(served.logLevel == .debug)
        #expect(ServeOptions().applied(to: file) == file)
        #expect(PlanOptions(rulesPath: "p").applied(to: file).rules == "p")
        #expect(PlanOptions(rulesPath: "p").applied(to: file).database == file.database)
        #expect(WhyOptions(chargerId: "x", databasePath: "w.sqlite").applied(to: file).database == "w.sqlite")
    }
}
