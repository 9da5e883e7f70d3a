import Foundation
import SQLite

extension Store {
    /// Merges pushed inputs (name to value in base units) into the stored ones; `nil` removes one,
    /// so that it does not come back at the next start.
    public func setInputs(_ values: [String: Double?], at: Date = Date()) async throws {
        try await perform(flushingQueue: false) { database in
            try database.connection.transaction {
                for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                    guard let value else {
                        try database.connection.run("DELETE FROM inputs WHERE name = ?", [name])
                        continue
                    }
                    try database.connection.run(
                        """
                        INSERT INTO inputs (name, value, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                        """, [name, value, StoreTimestamp.text(at)])
                }
            }
        }
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
