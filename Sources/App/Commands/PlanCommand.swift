import Foundation
import Rules
import Scheduling

/// `ampwise plan`: evaluates the rules over simulated time with the live engine's decision code
/// (`PlanSimulation` runs `SchedulingCore`), prints a table per connector, and writes a chart.
enum PlanCommand {
    static func run(_ options: PlanOptions) -> Int32 {
        guard let loaded = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        let configuration = options.applied(to: loaded)
        if let problem = options.lengthProblem(tick: configuration.scheduling.tick) {
            AmpwiseCommand.printError("ampwise: \(problem)")
            return 2
        }
        let sources: [RuleSource]
        do {
            sources = try RuleFiles.servedSources(in: configuration.rules)
        } catch {
            AmpwiseCommand.printError("ampwise: \(error.description)")
            return 1
        }
        let checked = RuleChecker.check(sources)
        guard let ruleSet = checked.ruleSet else {
            for diagnostic in checked.diagnostics { AmpwiseCommand.printError(diagnostic.description) }
            return 1
        }
        for warning in ruleSet.selectorWarnings(chargerIds: Set(configuration.chargers.keys)) {
            AmpwiseCommand.printError(warning.description)
        }
        let inputs: PlanInputs
        if let path = options.inputsPath {
            do {
                inputs = try PlanInputs.load(path: path)
            } catch {
                AmpwiseCommand.printError("ampwise: \(error.description)")
                return 2
            }
        } else {
            inputs = PlanInputs.defaults(chargerIds: Array(configuration.chargers.keys))
        }
        guard !inputs.connectors.isEmpty else {
            AmpwiseCommand.printError(
                "ampwise: nothing to plan: no connector in --inputs and no charger in the configuration")
            return 2
        }
        var tariff = configuration.tariffSchedule
        do {
            try tariff.push(inputs.tariff)
        } catch {
            AmpwiseCommand.printError("ampwise: \(options.inputsPath ?? "inputs"): tariff: \(error)")
            return 2
        }
        let step = TimeInterval(options.stepMinutes) * 60
        let from =
            options.from
            ?? Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / step).rounded(.down) * step)
        let series = PlanSimulation.run(
            settings: configuration.engineSettings, ruleSet: ruleSet, tariff: tariff, scenario: inputs.scenario,
            from: from, hours: options.hours, stepMinutes: options.stepMinutes)
        print(
            series.map { PlanTable.render($0, timeZone: configuration.timeZone) }.joined(separator: "\n"),
            terminator: "")
        if let svgPath = options.svgPath {
            let svg = PlanChart.svg(series, timeZone: configuration.timeZone)
            guard FileManager.default.createFile(atPath: svgPath, contents: Data(svg.utf8)) else {
                AmpwiseCommand.printError("ampwise: \(svgPath): cannot write the chart")
                return 1
            }
        }
        return 0
    }
}
