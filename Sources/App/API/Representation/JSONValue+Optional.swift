import Chronology
import Foundation
import JSON

/// Optional values as JSON, `null` when absent: the API keeps every documented member in its
/// objects so that clients see a stable shape.
extension JSONValue {
    static func string(orNull value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    static func number(orNull value: Double?) -> JSONValue {
        value.map(JSONValue.number) ?? .null
    }

    static func integer(orNull value: Int?) -> JSONValue {
        value.map { .number(Double($0)) } ?? .null
    }

    static func bool(orNull value: Bool?) -> JSONValue {
        value.map(JSONValue.bool) ?? .null
    }

    /// ISO 8601 in UTC (`2026-11-25T08:00:00Z`, milliseconds when there are any).
    static func date(_ value: Date?) -> JSONValue {
        value.map { .string(RFC3339.format($0, fraction: .millisecondsIfAny)) } ?? .null
    }

    /// A figure rounded to `places` decimals, so that floating-point noise stays out of answers.
    static func rounded(_ value: Double?, places: Int = 3) -> JSONValue {
        guard let value else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }
}
