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

    /// ISO 8601 with a zone, seconds and fractional seconds optional.
    static func parseDate(_ text: String) -> Date? {
        // A zone is required: a time without one is ambiguous across the configured time zone
        // and the machine's. Formatters are made per call: they are not Sendable, and a flag
        // is parsed once per run.
        var candidates = [text]
        if let withSeconds = insertingSeconds(into: text) { candidates.append(withSeconds) }
        for candidate in candidates {
            for options: ISO8601DateFormatter.Options in [
                [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
            ] {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = options
                if let date = formatter.date(from: candidate) { return date }
            }
        }
        return nil
    }

    /// `2026-11-25T08:00Z` → `2026-11-25T08:00:00Z`.
    private static func insertingSeconds(into text: String) -> String? {
        let characters = Array(text)
        guard characters.count >= 16, characters[10] == "T" || characters[10] == "t" else { return nil }
        let rest = characters[16...]
        guard rest.first != ":" else { return nil }
        return String(characters[..<16]) + ":00" + String(rest)
    }
}
