import Rules

/// `ampwise check [PATH ...]`: checks the configuration (the file `serve` would read, and its TLS
/// files) and parses and type-checks rule files, printing every problem, so that a check that
/// passes means `serve` would start.
enum CheckCommand {
    static func run(_ options: CheckOptions) -> Int32 {
        guard let configuration = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        do {
            _ = try configuration.centralConfiguration()
            _ = try configuration.certificateAuthority()
        } catch {
            AmpwiseCommand.printError("ampwise: \(error)")
            return 2
        }
        let paths = options.paths.isEmpty ? [configuration.rules] : options.paths
        let sources: [RuleSource]
        do {
            sources = try RuleFiles.checkedSources(at: paths)
        } catch {
            print(error.description)
            return 1
        }
        let result = RuleChecker.check(sources)
        for diagnostic in result.diagnostics { print(diagnostic.description) }
        guard let ruleSet = result.ruleSet else { return 1 }
        for warning in ruleSet.selectorWarnings(chargerIds: Set(configuration.chargers.keys)) {
            print(warning.description)
        }
        print(ruleSet.summary)
        return 0
    }
}
