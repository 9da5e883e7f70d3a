/// The entry point of `ampwise check`, start-up and reload: parses and checks rule files.
public enum RuleChecker {
    /// Parses and checks all `sources` at once (rule names must be unique across files) and
    /// reports every error of every file.
    public static func check(_ sources: [RuleSource]) -> RuleCheckResult {
        var compiler = RuleCompiler()
        var diagnostics: [RuleDiagnostic] = []
        var rules: [Rule] = []
        var firstDefinition: [String: (path: String, location: SourceLocation)] = [:]
        for source in sources {
            let (declarations, failures) = Parser.parse(source.text)
            var fileDiagnostics = failures.map {
                RuleDiagnostic(path: source.path, location: $0.location, message: $0.message)
            }
            let compilerErrorsBefore = compiler.diagnostics.count
            for declaration in declarations {
                if let first = firstDefinition[declaration.name] {
                    fileDiagnostics.append(
                        RuleDiagnostic(
                            path: source.path, location: declaration.location,
                            message: "duplicate rule name \"\(declaration.name)\" (first defined at "
                                + "\(first.path):\(first.location))"))
                } else {
                    firstDefinition[declaration.name] = (source.path, declaration.location)
                }
                guard !declaration.isIncomplete else { continue }
                if let rule = compiler.compile(declaration, path: source.path) { rules.append(rule) }
            }
            fileDiagnostics += compiler.diagnostics[compilerErrorsBefore...]
            fileDiagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            diagnostics += fileDiagnostics
        }
        guard diagnostics.isEmpty else { return RuleCheckResult(diagnostics: diagnostics, ruleSet: nil) }
        let ruleSet = RuleSet(
            rules: rules, fileCount: sources.count, inputNames: compiler.inputNames,
            cheapestQuestions: compiler.cheapestQuestions, energyDeadlines: compiler.energyDeadlines)
        return RuleCheckResult(diagnostics: [], ruleSet: ruleSet)
    }
}
