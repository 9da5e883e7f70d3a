/// One problem found in a rule file. `description` is the line `ampwise check` prints.
public struct RuleDiagnostic: Sendable, Equatable, CustomStringConvertible, Error {
    /// An error stops the rules from loading; a warning is shown and the rules load.
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var path: String
    /// 1-based; 0 when the problem is with the file or folder as a whole (it cannot be read).
    public var line: Int
    public var column: Int
    /// What was expected and what was found, without the position.
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// A problem with the file or folder as a whole (missing, unreadable): no line or column.
    public init(path: String, message: String) {
        self.init(path: path, line: 0, column: 0, message: message)
    }

    init(path: String, location: SourceLocation, message: String, severity: Severity = .error) {
        self.init(path: path, line: location.line, column: location.column, message: message, severity: severity)
    }

    /// `PATH:LINE:COL: error: MESSAGE`, or `PATH: error: MESSAGE` for the file as a whole.
    public var description: String {
        let position = line > 0 ? ":\(line):\(column)" : ""
        return "\(path)\(position): \(severity.rawValue): \(message)"
    }

    public var isError: Bool { severity == .error }
}
