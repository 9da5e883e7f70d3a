import Rules

/// `ampwise check [PATH ...]`: parses and type-checks rule files, printing every problem.
enum CheckCommand {
    static func run(_ options: CheckOptions) -> Int32 {
        var paths = options.paths
        if paths.isEmpty {
            guard let configuration = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
            paths = [configuration.rules]
        }
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
        print(ruleSet.summary)
        return 0
    }
}
