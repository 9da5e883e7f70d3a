import Foundation
import SQLite

/// What the dashboard's charts read (`GET /api/history`): downsampled in SQL, so that a day of one
/// connector out of a month of meter values is one range scan of `meter_values_by_charger`.
extension Store {
    /// A connector's meter values from `since` to `until` in steps of `step` seconds, only the
    /// steps that have a sample, in time order.
    public func meterHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) async throws -> [MeterHistoryBucket] {
        try await perform { database in
            try database.connection.query(
                """
                SELECT CAST((julianday(at) - julianday(?1)) * 86400.0 / ?2 AS INTEGER) AS bucket,
                    AVG(CASE WHEN measurand = 'Power.Active.Import' AND phase IS NULL THEN value END),
                    AVG(CASE WHEN measurand = 'Current.Import' THEN value END),
                    MAX(CASE WHEN measurand = 'Energy.Active.Import.Register' AND phase IS NULL THEN value END)
                FROM meter_values
                WHERE charger_id = ?3 AND at >= ?1 AND at < ?4 AND connector_id = ?5
                    AND measurand IN ('Power.Active.Import', 'Current.Import', 'Energy.Active.Import.Register')
                GROUP BY bucket ORDER BY bucket
                """,
                [StoreTimestamp.text(since), step, chargerId, StoreTimestamp.text(until), connectorId]
            ) { row in
                MeterHistoryBucket(
                    index: row.int(0), power: row.optionalDouble(1), current: row.optionalDouble(2),
                    energyWh: row.optionalDouble(3))
            }
        }
    }

    /// The decisions of a connector from `since` to `until`, in time order, with the one in force
    /// at `since` first (when there is one).
    public func decisionLimits(
        chargerId: String, connectorId: Int, since: Date, until: Date
    ) async throws -> [DecisionLimit] {
        try await perform { database in
            let read = { (row: SQLiteRow) throws(SQLiteError) -> DecisionLimit in
                DecisionLimit(at: try row.date(0), charging: row.optionalBool(1), limitAmps: row.optionalDouble(2))
            }
            let before = try database.connection.queryFirst(
                """
                SELECT at, charging, limit_amps FROM decisions
                WHERE charger_id = ? AND connector_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1
                """, [chargerId, connectorId, StoreTimestamp.text(since)], row: read)
            let within = try database.connection.query(
                """
                SELECT at, charging, limit_amps FROM decisions
                WHERE charger_id = ? AND connector_id = ? AND at >= ? AND at < ? ORDER BY at, id
                """, [chargerId, connectorId, StoreTimestamp.text(since), StoreTimestamp.text(until)], row: read)
            return (before.map { [$0] } ?? []) + within
        }
    }

    /// Appends pushed input values to `input_history` (a removed input, `nil`, is not a value).
    public func recordInputHistory(_ values: [String: Double?], at: Date) async throws {
        let present = values.compactMap { name, value in value.map { (name, $0) } }.sorted { $0.0 < $1.0 }
        guard !present.isEmpty else { return }
        try await perform(flushingQueue: false) { database in
            try database.connection.transaction {
                for (name, value) in present {
                    try database.connection.run(
                        "INSERT INTO input_history (name, value, at) VALUES (?, ?, ?)",
                        [name, value, StoreTimestamp.text(at)])
                }
            }
        }
    }

    /// Every input's average per step of `step` seconds from `since` to `until`.
    public func inputHistory(since: Date, until: Date, step: Int) async throws -> [InputHistoryBucket] {
        try await perform { database in
            try database.connection.query(
                """
                SELECT CAST((julianday(at) - julianday(?1)) * 86400.0 / ?2 AS INTEGER) AS bucket, name, AVG(value)
                FROM input_history WHERE at >= ?1 AND at < ?3
                GROUP BY bucket, name ORDER BY bucket, name
                """, [StoreTimestamp.text(since), step, StoreTimestamp.text(until)]
            ) { row in
                InputHistoryBucket(index: row.int(0), name: row.string(1), value: row.double(2))
            }
        }
    }

    /// The energy register readings (Wh) of each transaction, in time order: what a session's cost
    /// is computed from.
    public func energyReadings(transactionIds: [Int]) async throws -> [Int: [(at: Date, energyWh: Double)]] {
        try await perform { database in
            var readings: [Int: [(at: Date, energyWh: Double)]] = [:]
            for transactionId in transactionIds {
                readings[transactionId] = try database.connection.query(
                    """
                    SELECT at, value FROM meter_values
                    WHERE transaction_id = ? AND measurand = 'Energy.Active.Import.Register' AND phase IS NULL
                    ORDER BY at, id
                    """, [transactionId]
                ) { row throws(SQLiteError) in (at: try row.date(0), energyWh: row.double(1)) }
            }
            return readings
        }
    }
}
