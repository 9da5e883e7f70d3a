import Foundation
import SQLite

extension Store {
    /// Queues a BootNotification's identity; also sets first/last seen and last boot.
    public func recordBoot(_ boot: ChargerBoot) {
        enqueue(.boot(boot))
    }

    /// Queues "the charger was heard from at `at`" (any message); `isHeartbeat` also sets
    /// the last heartbeat.
    public func recordSeen(chargerId: String, at: Date = Date(), isHeartbeat: Bool = false) {
        enqueue(.seen(chargerId: chargerId, at: at, isHeartbeat: isHeartbeat))
    }

    /// Queues what the set-up learned: SupportedFeatureProfiles and NumberOfConnectors
    /// (`nil` keeps the stored count).
    public func recordFeatures(chargerId: String, features: [String], connectorCount: Int? = nil) {
        enqueue(.features(chargerId: chargerId, features: features, connectorCount: connectorCount))
    }

    /// Every charger the database knows, by id.
    public func chargers() async throws -> [ChargerRecord] {
        try await perform { database in
            try database.connection.query(
                "SELECT \(StoreDatabase.chargerColumns) FROM chargers ORDER BY id", row: StoreDatabase.chargerRecord)
        }
    }

    public func charger(id: String) async throws -> ChargerRecord? {
        try await perform { database in
            try database.connection.queryFirst(
                "SELECT \(StoreDatabase.chargerColumns) FROM chargers WHERE id = ?", [id],
                row: StoreDatabase.chargerRecord)
        }
    }

    /// Stores configuration keys reported by GetConfiguration (or changed by an accepted
    /// ChangeConfiguration). `replacingAll`: the entries are the whole configuration (a
    /// GetConfiguration without keys), so keys not among them are removed.
    public func recordConfiguration(
        chargerId: String, entries: [ConfigurationEntry], replacingAll: Bool
    ) async throws {
        try await perform(flushingQueue: false) { database in
            try database.connection.transaction {
                try database.connection.run(
                    "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)",
                    [chargerId, StoreTimestamp.text(Date())])
                if replacingAll {
                    try database.connection.run("DELETE FROM charger_configuration WHERE charger_id = ?", [chargerId])
                }
                for entry in entries {
                    try database.connection.run(
                        """
                        INSERT INTO charger_configuration (charger_id, key, value, readonly, reported_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (charger_id, key) DO UPDATE SET value = excluded.value,
                            readonly = excluded.readonly, reported_at = excluded.reported_at
                        """,
                        [chargerId, entry.key, entry.value, entry.isReadonly, StoreTimestamp.text(entry.reportedAt)])
                }
            }
        }
    }

    /// The last known configuration of a charger, by key.
    public func configuration(chargerId: String) async throws -> [ConfigurationEntry] {
        try await perform { database in
            try database.connection.query(
                "SELECT key, value, readonly, reported_at FROM charger_configuration WHERE charger_id = ? ORDER BY key",
                [chargerId]
            ) { row throws(SQLiteError) in
                ConfigurationEntry(
                    key: row.string(0), value: row.optionalString(1), isReadonly: row.bool(2),
                    reportedAt: try row.date(3))
            }
        }
    }

    /// Sets (or with `nil` removes) a setting learned about a charger, such as the charging
    /// profile kind that worked (`chargingProfileKind` = `TxDefaultProfile`).
    public func setChargerSetting(chargerId: String, key: String, value: String?, at: Date = Date()) async throws {
        try await perform(flushingQueue: false) { database in
            guard let value else {
                try database.connection.run(
                    "DELETE FROM charger_settings WHERE charger_id = ? AND key = ?", [chargerId, key])
                return
            }
            try database.connection.transaction {
                try database.connection.run(
                    "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)",
                    [chargerId, StoreTimestamp.text(at)])
                try database.connection.run(
                    """
                    INSERT INTO charger_settings (charger_id, key, value, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (charger_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, [chargerId, key, value, StoreTimestamp.text(at)])
            }
        }
    }

    /// Every setting learned about a charger.
    public func chargerSettings(chargerId: String) async throws -> [String: String] {
        try await perform { database in
            let pairs = try database.connection.query(
                "SELECT key, value FROM charger_settings WHERE charger_id = ?", [chargerId]
            ) { row in (row.string(0), row.string(1)) }
            return Dictionary(pairs, uniquingKeysWith: { _, last in last })
        }
    }

    /// One setting for every charger that has it, by charger id: one read where the engine would
    /// otherwise ask charger by charger (a thousand reads behind the queued writes).
    public func chargerSettings(key: String) async throws -> [String: String] {
        try await perform { database in
            let pairs = try database.connection.query(
                "SELECT charger_id, value FROM charger_settings WHERE key = ?", [key]
            ) { row in (row.string(0), row.string(1)) }
            return Dictionary(pairs, uniquingKeysWith: { _, last in last })
        }
    }

    /// One setting learned about a charger, or `nil`.
    public func chargerSetting(chargerId: String, key: String) async throws -> String? {
        try await perform { database in
            try database.connection.queryFirst(
                "SELECT value FROM charger_settings WHERE charger_id = ? AND key = ?", [chargerId, key]
            ) { row in row.string(0) }
        }
    }
}
