import Foundation
import SQLite

// OCPP 2.0.1 remoteStartIds: a counter of their own in `counters`, which only grows, and the
// requests still waiting for their transaction in `remote_starts`.
extension StoreDatabase {
    /// Takes the next id from the `next_remote_start_id` counter (1 in a database that never gave
    /// one), moves the counter on and keeps the request as pending, in one transaction.
    func nextRemoteStartId(chargerId: String, evseId: Int, idTag: String, at now: Date) throws -> Int {
        try connection.transaction {
            let id = try counterValue("next_remote_start_id")
            try advanceCounter("next_remote_start_id", toAtLeast: id + 1)
            try connection.run(
                "INSERT INTO remote_starts (id, charger_id, evse_id, id_tag, requested_at) VALUES (?, ?, ?, ?, ?)",
                [id, chargerId, evseId, idTag, StoreTimestamp.text(now)])
            return id
        }
    }

    func pendingRemoteStarts(requestedSince since: Date) throws -> [PendingRemoteStart] {
        try connection.transaction {
            try connection.run("DELETE FROM remote_starts WHERE requested_at < ?", [StoreTimestamp.text(since)])
            return try connection.query(
                "SELECT id, charger_id, evse_id, id_tag, requested_at FROM remote_starts ORDER BY id",
                row: Self.pendingRemoteStart)
        }
    }

    static func pendingRemoteStart(_ row: SQLiteRow) throws(SQLiteError) -> PendingRemoteStart {
        PendingRemoteStart(
            remoteStartId: row.int(0), chargerId: row.string(1), evseId: row.int(2), idTag: row.string(3),
            requestedAt: try row.date(4))
    }

    func recordRemoteStart(transactionId: Int, remoteStartId: Int, idTag: String?) throws {
        try connection.transaction {
            try connection.run(
                """
                UPDATE transactions SET remote_start_id = ?1,
                    id_tag = CASE WHEN coalesce(id_tag, '') = '' THEN coalesce(?2, id_tag) ELSE id_tag END
                WHERE id = ?3
                """, [remoteStartId, idTag, transactionId])
            try connection.run(
                """
                DELETE FROM remote_starts
                WHERE id = ?1 AND charger_id = (SELECT charger_id FROM transactions WHERE id = ?2)
                """, [remoteStartId, transactionId])
        }
    }
}
