import Foundation

// OCPP 2.0.1 remoteStartIds: a counter of their own in `counters`, which only grows.
extension StoreDatabase {
    /// Takes the next id from the `next_remote_start_id` counter (1 in a database that never gave
    /// one) and moves the counter on, in one transaction.
    func nextRemoteStartId() throws -> Int {
        try connection.transaction {
            let counter = try connection.scalar("SELECT value FROM counters WHERE name = 'next_remote_start_id'")
            var id = 1
            if case .integer(let value) = counter { id = max(id, Int(value)) }
            try connection.run(
                """
                INSERT INTO counters (name, value) VALUES ('next_remote_start_id', ?1)
                ON CONFLICT (name) DO UPDATE SET value = ?1
                """, [id + 1])
            return id
        }
    }
}
