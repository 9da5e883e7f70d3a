import JSON

/// What a flag's value must be; it drives parsing, the error for a bad value and the help text.
public enum FlagValueKind: Sendable, Hashable {
    case file
    case directory
    /// A whole number in the range.
    case integer(NumberRange)
    /// A number in the range.
    case number(NumberRange)
    /// An ISO 8601 date and time with a zone: `2026-11-25T08:00:00Z`, `2026-11-25T09:00+01:00`.
    case date
    /// `debug`, `info`, `warning` or `error`.
    case level
    /// `text` or `journal`.
    case logFormat

    /// What the error for a bad value says is expected.
    var expectation: String {
        switch self {
        case .file: "a file name"
        case .directory: "a folder name"
        case .integer(let range), .number(let range): range.description
        case .date: "an ISO 8601 date and time like 2026-11-25T08:00:00Z"
        case .level: "debug, info, warning or error"
        case .logFormat: "text or journal"
        }
    }
}
