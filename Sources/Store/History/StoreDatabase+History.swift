import Foundation
import SQLite

/// The reads of the dashboard's charts, on the store's queue: `Store+History` runs one of them per
/// visit to the queue, or all of a chart's at once (`Store.connectorHistory`).
extension StoreDatabase {
    /// A connector's meter values from `since` to `until` in steps of `step` seconds, only the
    /// steps that have a sample, in time order: one range scan of `meter_values_by_charger`.
    func meterHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) throws -> [MeterHistoryBucket] {
        try connection.query(
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

    /// The decisions of a connector from `since` to `until`, in time order, with the one in force
    /// at `since` first (when there is one).
    func decisionLimits(chargerId: String, connectorId: Int, since: Date, until: Date) throws -> [DecisionLimit] {
        let read = { (row: SQLiteRow) throws(SQLiteError) -> DecisionLimit in
            DecisionLimit(at: try row.date(0), charging: row.optionalBool(1), limitAmps: row.optionalDouble(2))
        }
        let before = try connection.queryFirst(
            """
            SELECT at, charging, limit_amps FROM decisions
            WHERE charger_id = ? AND connector_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1
            """, [chargerId, connectorId, StoreTimestamp.text(since)], row: read)
        let within = try connection.query(
            """
            SELECT at, charging, limit_amps FROM decisions
            WHERE charger_id = ? AND connector_id = ? AND at >= ? AND at < ? ORDER BY at, id
            """, [chargerId, connectorId, StoreTimestamp.text(since), StoreTimestamp.text(until)], row: read)
        return (before.map { [$0] } ?? []) + within
    }

    /// Every input's average per step of `step` seconds from `since` to `until`.
    func inputHistory(since: Date, until: Date, step: Int) throws -> [InputHistoryBucket] {
        try connection.query(
            """
            SELECT CAST((julianday(at) - julianday(?1)) * 86400.0 / ?2 AS INTEGER) AS bucket, name, AVG(value)
            FROM input_history WHERE at >= ?1 AND at < ?3
            GROUP BY bucket, name ORDER BY bucket, name
            """, [StoreTimestamp.text(since), step, StoreTimestamp.text(until)]
        ) { row in
            InputHistoryBucket(index: row.int(0), name: row.string(1), value: row.double(2))
        }
    }

    /// Price slots that overlap `from..<to`, by start.
    func tariffPrices(from: Date, to: Date) throws -> [TariffPriceRecord] {
        try connection.query(
            "SELECT start_at, end_at, price FROM tariff_prices WHERE start_at < ? AND end_at > ? ORDER BY start_at",
            [StoreTimestamp.text(to), StoreTimestamp.text(from)]
        ) { row throws(SQLiteError) in
            TariffPriceRecord(start: try row.date(0), end: try row.date(1), price: row.double(2))
        }
    }
}
