import Chronology
import Foundation

/// The one date format of the database: RFC 3339 in UTC with milliseconds,
/// `2026-11-25T08:00:00.123Z`.
///
/// Text rather than unix time so that `sqlite3` users read dates as they are and SQLite's own
/// date functions accept them (`julianday(stopped_at) - julianday(started_at)`). Every stored
/// date has exactly this width, so text order is time order and `at >= ?` is a range query.
public enum StoreTimestamp {
    /// `date` as stored, to the nearest millisecond.
    public static func text(_ date: Date) -> String {
        RFC3339.format(date, fraction: .milliseconds)
    }

    /// Reads a stored date. Also accepts what a user may have typed in `sqlite3`: no fraction,
    /// a space for `T`, a numeric offset (`+01:00`) or no zone at all (taken as UTC).
    public static func date(_ text: String) -> Date? {
        RFC3339.parse(text, options: [.spaceSeparator, .offsetOptional])
    }
}
