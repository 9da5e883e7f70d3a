import Chronology
import Foundation
import Logging

extension FlagValueKind {
    /// The typed value of `text`, or `nil` when it is not a value of this kind.
    func parse(_ text: String) -> FlagValue? {
        switch self {
        case .file, .directory:
            return text.isEmpty ? nil : .path(text)
        case .integer(let range):
            return range.integer(parsing: text).map(FlagValue.integer)
        case .number(let range):
            return range.number(parsing: text).map(FlagValue.number)
        case .date:
            return Self.parseDate(text).map(FlagValue.date)
        case .level:
            let names = LogLevel.allCases.map { $0.name.lowercased() }
            guard names.contains(text.lowercased()), let level = LogLevel(name: text) else { return nil }
            return .level(level)
        case .logFormat:
            return LogFormat(rawValue: text.lowercased()).map(FlagValue.logFormat)
        }
    }

    /// RFC 3339 with a zone, seconds and fractional seconds optional (`2026-11-25T08:00Z`).
    static func parseDate(_ text: String) -> Date? {
        // A zone is required: a time without one is ambiguous across the configured time zone
        // and the machine's.
        RFC3339.parse(text, options: .secondsOptional)
    }
}
