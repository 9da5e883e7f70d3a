/// What the checker found: every problem in every file, or the rule set when there is none.
public struct RuleCheckResult: Sendable {
    /// Every problem, in the order of the files given, then by line and column.
    public let diagnostics: [RuleDiagnostic]
    /// The compiled rules; nil when there is any diagnostic (a file with errors is not loaded).
    public let ruleSet: RuleSet?
}
