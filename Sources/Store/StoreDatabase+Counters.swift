import SQLite

// The `counters` table: named numbers that only grow (transaction ids, OCPP 2.0.1 remoteStartIds),
// so ids stay unique after rows are deleted and across restarts.
extension StoreDatabase {
    /// The next value counter `name` hands out: at least 1, also for a counter never moved.
    func counterValue(_ name: String) throws -> Int {
        let value = try connection.scalar("SELECT value FROM counters WHERE name = ?", [name])
        guard case .integer(let next) = value else { return 1 }
        return max(1, Int(next))
    }

    /// Moves counter `name` on to at least `next`; never back.
    func advanceCounter(_ name: String, toAtLeast next: Int) throws {
        try connection.run(
            """
            INSERT INTO counters (name, value) VALUES (?1, ?2)
            ON CONFLICT (name) DO UPDATE SET value = max(value, ?2)
            """, [name, next])
    }
}
