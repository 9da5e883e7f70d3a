/// A checked rule, ready to evaluate.
public struct Rule: Sendable, Equatable {
    /// The rule's name, unique across the rule set.
    public let name: String
    /// The file it came from, as given to the checker.
    public let path: String
    /// Where its `rule` keyword is.
    public let location: SourceLocation
    /// From its `priority` clause; 0 without one.
    public let priority: Int
    /// The rule in canonical form (one clause per line, operations in parentheses).
    public let text: String
    /// The inputs it reads (`grid.power`, `input.boost`, ...), in first-use order: a decision
    /// records their values.
    public let inputNames: [String]
    /// What the evaluator runs; a class so that the hot loop copies one reference, not a dozen.
    let body: RuleBody

    init(name: String, path: String, location: SourceLocation, text: String, inputNames: [String], body: RuleBody) {
        self.name = name
        self.path = path
        self.location = location
        self.priority = body.priority
        self.text = text
        self.inputNames = inputNames
        self.body = body
    }
}
