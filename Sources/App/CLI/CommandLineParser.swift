import Foundation
import Logging

/// Turns `ampwise`'s arguments into a `ParsedCommand`, driven by `CommandSpecification.all`.
///
/// Flags take their value as `--flag value` or `--flag=value`; `--` ends the flags (for a
/// charger id that starts with a dash); `-h` or `--help` anywhere asks for help. The parser
/// neither prints nor exits: the caller does both, so that every path can be tested.
public enum CommandLineParser {
    /// - Parameter arguments: the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(CommandLineError) -> ParsedCommand {
        guard let first = arguments.first else { return .help(nil) }
        let command = CommandName(rawValue: first)
        let beforeTerminator = arguments.prefix { $0 != "--" }
        if beforeTerminator.contains("-h") || beforeTerminator.contains("--help") { return .help(command) }
        if first == "--version" {
            if arguments.count > 1 { throw CommandLineError("unexpected argument '\(arguments[1])' after --version") }
            return .version
        }
        if first == "help" { return try parseHelp(Array(arguments.dropFirst())) }
        guard let command else {
            if first.hasPrefix("-") { throw CommandLineError("unknown flag \(first) (see 'ampwise help')") }
            throw CommandLineError("unknown command '\(first)' (see 'ampwise help')")
        }
        let specification = CommandSpecification.named(command)
        let (flags, positionals) = try parseFlags(Array(arguments.dropFirst()), for: specification)
        return makeCommand(specification, flags: flags, positionals: positionals)
    }

    private static func parseHelp(_ arguments: [String]) throws(CommandLineError) -> ParsedCommand {
        guard let topic = arguments.first else { return .help(nil) }
        guard let command = CommandName(rawValue: topic) else {
            throw CommandLineError("unknown command '\(topic)' (see 'ampwise help')")
        }
        if arguments.count > 1 { throw CommandLineError("unexpected argument '\(arguments[1])' for 'help'") }
        return .help(command)
    }

    private static func parseFlags(
        _ arguments: [String], for specification: CommandSpecification
    ) throws(CommandLineError) -> (ParsedFlags, [String]) {
        let command = specification.name.rawValue
        let seeHelp = "(see 'ampwise help \(command)')"
        var flags = ParsedFlags()
        var positionals: [String] = []
        var index = 0
        var flagsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if flagsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                flagsEnded = true
                continue
            }
            let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst()
            let name = String(body.prefix { $0 != "=" })
            guard argument.hasPrefix("--"), let flag = specification.flag(named: name) else {
                let shown = argument.hasPrefix("--") ? "--\(name)" : argument
                throw CommandLineError("unknown flag \(shown) for '\(command)' \(seeHelp)")
            }
            let text: String
            if let equals = body.firstIndex(of: "=") {
                text = String(body[body.index(after: equals)...])
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                text = arguments[index]
                index += 1
            } else {
                text = ""
            }
            if text.isEmpty {
                throw CommandLineError("--\(name) for '\(command)' needs a value (\(flag.placeholder)) \(seeHelp)")
            }
            guard let value = flag.kind.parse(text) else {
                throw CommandLineError("--\(name) for '\(command)' expects \(flag.kind.expectation), not '\(text)'")
            }
            guard flags.values[name] == nil else { throw CommandLineError("--\(name) given twice for '\(command)'") }
            flags.values[name] = value
        }
        guard specification.positionalCount.contains(positionals.count) else {
            if positionals.count < specification.positionalCount.lowerBound {
                throw CommandLineError("'\(command)' needs \(specification.arguments) \(seeHelp)")
            }
            let extra = positionals[specification.positionalCount.upperBound]
            throw CommandLineError("unexpected argument '\(extra)' for '\(command)' \(seeHelp)")
        }
        return (flags, positionals)
    }

    private static func makeCommand(
        _ specification: CommandSpecification, flags: ParsedFlags, positionals: [String]
    ) -> ParsedCommand {
        switch specification.name {
        case .serve:
            return .serve(
                ServeOptions(
                    configPath: flags.path("config"), rulesPath: flags.path("rules"), databasePath: flags.path("db"),
                    logLevel: flags.level("log-level"), logFormat: flags.logFormat("log-format")))
        case .check:
            return .check(CheckOptions(paths: positionals, configPath: flags.path("config")))
        case .plan:
            return .plan(
                PlanOptions(
                    configPath: flags.path("config"), rulesPath: flags.path("rules"), from: flags.date("from"),
                    hours: flags.number("hours") ?? PlanOptions.defaultHours, inputsPath: flags.path("inputs"),
                    stepMinutes: flags.integer("step") ?? PlanOptions.defaultStepMinutes, svgPath: flags.path("svg"),
                    logLevel: flags.level("log-level")))
        case .why:
            return .why(
                WhyOptions(
                    chargerId: positionals[0], connector: flags.integer("connector"), since: flags.date("since"),
                    configPath: flags.path("config"), databasePath: flags.path("db")))
        case .sources:
            return .sources(SourcesOptions(configPath: flags.path("config")))
        case .demo:
            return .demo(
                DemoOptions(
                    chargers: flags.integer("chargers") ?? DemoOptions.defaultChargers,
                    port: flags.integer("port") ?? DemoOptions.defaultPort, logLevel: flags.level("log-level")))
        }
    }
}

/// The flags given on one command line, by name, with typed accessors.
private struct ParsedFlags {
    var values: [String: FlagValue] = [:]

    func path(_ name: String) -> String? {
        if case .path(let value) = values[name] { return value }
        return nil
    }

    func integer(_ name: String) -> Int? {
        if case .integer(let value) = values[name] { return value }
        return nil
    }

    func number(_ name: String) -> Double? {
        if case .number(let value) = values[name] { return value }
        return nil
    }

    func date(_ name: String) -> Date? {
        if case .date(let value) = values[name] { return value }
        return nil
    }

    func level(_ name: String) -> LogLevel? {
        if case .level(let value) = values[name] { return value }
        return nil
    }

    func logFormat(_ name: String) -> LogFormat? {
        if case .logFormat(let value) = values[name] { return value }
        return nil
    }
}
