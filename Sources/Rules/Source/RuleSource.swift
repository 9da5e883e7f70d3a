/// One rule file handed to the checker: where it came from (used in messages) and its text.
public struct RuleSource: Sendable, Equatable {
    /// The path printed in diagnostics, exactly as given.
    public var path: String
    /// The UTF-8 text of the file.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
