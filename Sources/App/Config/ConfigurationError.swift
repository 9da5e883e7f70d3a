/// Why a configuration could not be loaded: the file could not be read, is not JSON, or has one
/// or more problems (all of them are reported, not just the first).
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file named with `--config` that cannot be read.
    case unreadable(file: String, reason: String)
    /// Not JSON: `ampwise.json:3:7: invalid JSON: expected ',' or '}' in an object`.
    case invalidJSON(file: String, line: Int, column: Int, message: String)
    /// Valid JSON with keys or values Ampwise does not accept.
    case invalid(file: String, problems: [ConfigurationProblem])

    /// The lines to print, one per problem.
    public var lines: [String] {
        switch self {
        case .unreadable(let file, let reason): ["\(file): cannot read the configuration file: \(reason)"]
        case .invalidJSON(let file, let line, let column, let message):
            ["\(file):\(line):\(column): invalid JSON: \(message)"]
        case .invalid(let file, let problems): problems.map { "\(file): \($0)" }
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
