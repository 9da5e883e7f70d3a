import Chronology
import Foundation

/// The dates of OCPP messages: RFC 3339 (`format: date-time` in the OCPP 1.6 JSON schemas),
/// written in UTC with milliseconds only when there are some.
public enum OCPPDateTime {
    /// Parses `2026-11-25T08:00:00Z`, `2026-11-25T09:00:00.123+01:00` and the like.
    ///
    /// With `requiringOffset: false`, a date-time without `Z` or an offset (a common firmware
    /// fault) is read as UTC; the schema does not allow it, so only lenient decoding asks.
    public static func parse(_ text: String, requiringOffset: Bool = true) -> Date? {
        RFC3339.parse(text, options: requiringOffset ? [] : .offsetOptional)
    }

    /// `2026-11-25T08:00:00Z`, or `2026-11-25T08:00:00.123Z` when the date has milliseconds.
    public static func format(_ date: Date) -> String {
        RFC3339.format(date, fraction: .millisecondsIfAny)
    }
}
