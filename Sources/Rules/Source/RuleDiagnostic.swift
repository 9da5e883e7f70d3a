/// One problem found in a rule file. `description` is the line `ampwise check` prints.
public struct RuleDiagnostic: Sendable, Equatable, CustomStringConvertible, Error {
    public var path: String
    public var line: Int
    public var column: Int
    /// What was expected and what was found, without the position.
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(path: String, location: SourceLocation, message: String) {
        self.init(path: path, line: location.line, column: location.column, message: message)
    }

    /// `PATH:LINE:COL: error: MESSAGE`
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
