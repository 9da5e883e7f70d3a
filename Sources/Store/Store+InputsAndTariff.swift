import Foundation
import SQLite

extension Store {
    /// Queues input values (name to value in base units; `nil` removes one, so that it does not
    /// come back at the next start) and their `input_history` rows, committed with the next batch
    /// like meter values, or within `StoreOptions.relaxedBatchMaxDelayMilliseconds` while nothing
    /// else is queued. To answer only once they are committed (`PUT /api/inputs`), await
    /// `queuedWritesCommitted()` after.
    public func recordInputs(_ values: [String: Double?], at: Date) {
        guard !values.isEmpty else { return }
        enqueue(.inputs(values, at: at))
    }

    /// Every stored input, by name.
    public func inputs() async throws -> [InputRecord] {
        try await perform { database in
            try database.connection.query("SELECT name, value, updated_at FROM inputs ORDER BY name") {
                row throws(SQLiteError) in
                InputRecord(name: row.string(0), value: row.double(1), updatedAt: try row.date(2))
            }
        }
    }

    /// Stores dynamic prices. Stored slots that overlap the span the new ones cover (from the
    /// earliest start to the latest end) are replaced; slots outside it are kept.
    public func replaceTariffPrices(_ prices: [TariffPriceRecord]) async throws {
        guard let first = prices.map(\.start).min(), let last = prices.map(\.end).max() else { return }
        try await perform(flushingQueue: false) { database in
            try database.connection.transaction {
                try database.connection.run(
                    "DELETE FROM tariff_prices WHERE start_at < ? AND end_at > ?",
                    [StoreTimestamp.text(last), StoreTimestamp.text(first)])
                for price in prices {
                    try database.connection.run(
                        "INSERT OR REPLACE INTO tariff_prices (start_at, end_at, price) VALUES (?, ?, ?)",
                        [StoreTimestamp.text(price.start), StoreTimestamp.text(price.end), price.price])
                }
            }
        }
    }

    /// Price slots that overlap `from..<to`, by start.
    public func tariffPrices(from: Date, to: Date) async throws -> [TariffPriceRecord] {
        try await perform { database in try database.tariffPrices(from: from, to: to) }
    }
}
