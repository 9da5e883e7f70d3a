import Foundation
import SQLite

// `input_history` keeps every value read or pushed, so that the charts can show them; a source
// read every second writes 86,400 rows a day per input (about 87 bytes each with its index:
// 7.5 MB a day, 2.7 GB a year). Rows older than `StoreOptions.inputHistoryFullResolutionHours`
// are thinned to one per input and minute, the minute's average at its start, which is all a
// chart of more than a few hours shows (docs/database.md, `input_history`).
extension StoreDatabase {
    /// The counter that keeps how far the history is thinned, in seconds since 1970 (a whole
    /// minute): every row before it is thinned already.
    static let inputHistoryThinnedUntil = "input_history_thinned_until"
    /// The most history one transaction thins: ten minutes (a few thousand rows at most for a
    /// site of a few sources read every second), so that a chunk holds the store's queue for
    /// milliseconds, not the length of a backlog.
    static let inputHistoryThinningChunkSeconds = 600

    /// Thins the next chunk of history before `cutoff` (whole minutes; at most
    /// `inputHistoryThinningChunkSeconds` of it) in one transaction. Returns the rows removed and
    /// whether more is left before the cutoff.
    func thinInputHistoryChunk(before cutoff: Date) throws -> (removed: Int, isMoreLeft: Bool) {
        let end = Int(cutoff.timeIntervalSince1970) / 60 * 60
        let thinnedUntil = try counterValue(Self.inputHistoryThinnedUntil)
        // From the first row not thinned yet: a gap (Ampwise stopped for a week) costs nothing.
        guard
            case .text(let first) = try connection.scalar(
                "SELECT min(at) FROM input_history WHERE at >= ?", [Self.timestamp(thinnedUntil)]),
            let firstDate = StoreTimestamp.date(first)
        else { return (0, false) }
        let start = max(thinnedUntil, Int(firstDate.timeIntervalSince1970) / 60 * 60)
        guard start < end else { return (0, false) }
        let chunkEnd = min(end, start + Self.inputHistoryThinningChunkSeconds)
        let removed = try connection.transaction {
            let arguments: [any SQLiteBindable] = [Self.timestamp(start), Self.timestamp(chunkEnd)]
            guard case .integer(let lastId) = try connection.scalar("SELECT max(id) FROM input_history") else {
                return 0
            }
            // A minute with one row is left as it is: thinning twice changes nothing.
            try connection.run(
                """
                INSERT INTO input_history (name, value, at)
                SELECT name, avg(value), substr(at, 1, 16) || ':00.000Z' FROM input_history
                WHERE at >= ?1 AND at < ?2 GROUP BY name, substr(at, 1, 16) HAVING count(*) > 1
                """, arguments)
            let averaged = connection.changes
            try connection.run(
                """
                DELETE FROM input_history WHERE id <= ?3 AND at >= ?1 AND at < ?2
                AND (name, substr(at, 1, 16)) IN (
                    SELECT name, substr(at, 1, 16) FROM input_history
                    WHERE id <= ?3 AND at >= ?1 AND at < ?2 GROUP BY 1, 2 HAVING count(*) > 1)
                """, arguments + [lastId])
            let deleted = connection.changes
            try advanceCounter(Self.inputHistoryThinnedUntil, toAtLeast: chunkEnd)
            return deleted - averaged
        }
        return (removed, chunkEnd < end)
    }

    private static func timestamp(_ secondsSince1970: Int) -> String {
        StoreTimestamp.text(Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }
}
