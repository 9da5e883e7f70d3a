import Foundation
import SQLite

/// What the dashboard's charts read (`GET /api/history`): downsampled in SQL, so that a day of one
/// connector out of a month of meter values is one range scan of `meter_values_by_charger`.
extension Store {
    /// Everything a connector's chart reads for `since..<until` in steps of `step` seconds (its
    /// meter, its decisions, the inputs and the stored prices), in one visit to the store's queue:
    /// a chart waits for the queue once, not four times.
    public func connectorHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) async throws -> ConnectorHistory {
        try await perform { database in
            ConnectorHistory(
                meter: try database.meterHistory(
                    chargerId: chargerId, connectorId: connectorId, since: since, until: until, step: step),
                decisions: try database.decisionLimits(
                    chargerId: chargerId, connectorId: connectorId, since: since, until: until),
                inputs: try database.inputHistory(since: since, until: until, step: step),
                prices: try database.tariffPrices(from: since, to: until))
        }
    }

    /// A connector's meter values from `since` to `until` in steps of `step` seconds, only the
    /// steps that have a sample, in time order.
    public func meterHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) async throws -> [MeterHistoryBucket] {
        try await perform { database in
            try database.meterHistory(
                chargerId: chargerId, connectorId: connectorId, since: since, until: until, step: step)
        }
    }

    /// The decisions of a connector from `since` to `until`, in time order, with the one in force
    /// at `since` first (when there is one).
    public func decisionLimits(
        chargerId: String, connectorId: Int, since: Date, until: Date
    ) async throws -> [DecisionLimit] {
        try await perform { database in
            try database.decisionLimits(chargerId: chargerId, connectorId: connectorId, since: since, until: until)
        }
    }

    /// Every input's average per step of `step` seconds from `since` to `until`.
    public func inputHistory(since: Date, until: Date, step: Int) async throws -> [InputHistoryBucket] {
        try await perform { database in try database.inputHistory(since: since, until: until, step: step) }
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
