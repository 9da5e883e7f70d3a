import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

@Suite struct StoreMigrationTests {
    static let tables = [
        "charger_configuration", "charger_events", "charger_settings", "chargers", "commands", "connectors",
        "counters", "decisions", "energy_goals", "input_history", "inputs", "meter_values", "remote_starts",
        "status_history", "tariff_prices",
        "transactions",
    ]

    @Test func freshDatabaseEndsAtTheLatestVersionWithEveryTable() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("fresh.sqlite"))
        #expect(try await store.schemaVersion() == StoreSchema.latestVersion)
        #expect(StoreSchema.latestVersion == 9)
        await store.close()

        let connection = try SQLiteConnection(path: directory.file("fresh.sqlite"))
        let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            row in row.string(0)
        }
        #expect(tables == Self.tables)
        #expect(try connection.scalar("PRAGMA journal_mode") == .text("wal"))
    }

    /// A database file at schema `version` with the charger `garage`, and `rows` run on it.
    static func database(at version: Int, in directory: TemporaryDirectory, _ rows: String) throws -> String {
        let path = directory.file("v\(version).sqlite")
        let connection = try SQLiteConnection(path: path)
        try StoreSchema.migrator.migrate(connection, upTo: version)
        #expect(try StoreSchema.migrator.currentVersion(of: connection) == version)
        try connection.run("INSERT INTO chargers (id, created_at) VALUES ('garage', '2026-11-25T08:00:00.000Z')")
        try connection.run(rows)
        return path
    }

    @Test func oldDatabaseIsUpgradedAndKeepsItsRows() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(
            at: 1, in: directory, "UPDATE counters SET value = 41 WHERE name = 'next_transaction_id'")
        let store = try Store(path: path)
        #expect(try await store.schemaVersion() == 9)
        #expect(try await store.chargers().map(\.id) == ["garage"])
        let id = try await store.startTransaction(
            TransactionStart(chargerId: "garage", connectorId: 1, idTag: "tag", meterStart: 0, startedAt: Date()))
        #expect(id == 41)
        try await store.setChargerSetting(chargerId: "garage", key: "chargingProfileKind", value: "TxProfile")
        #expect(try await store.chargerSetting(chargerId: "garage", key: "chargingProfileKind") == "TxProfile")
        await store.close()
    }

    @Test func decisionsRecordedBeforeVersion4KeepTheirRowsWithoutFigures() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(
            at: 3, in: directory,
            """
            INSERT INTO decisions (at, charger_id, connector_id, charging, limit_amps, explanation)
            VALUES ('2026-11-25T08:00:00.000Z', 'garage', 1, 0, 0, 'pause')
            """)
        let store = try Store(path: path)
        let decisions = try await store.decisions(chargerId: "garage")
        #expect(decisions.map(\.explanation) == ["pause"])
        #expect(decisions.map(\.heldBack) == [[]])
        #expect(decisions.map(\.inputs) == [[:]])
        #expect(decisions.map(\.minCurrent) == [nil])
        await store.close()
    }

    @Test func decisionsRecordedBeforeVersion6HaveNoPhases() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(
            at: 5, in: directory,
            """
            INSERT INTO decisions (at, charger_id, connector_id, charging, limit_amps, explanation)
            VALUES ('2026-11-25T08:00:00.000Z', 'garage', 1, 1, 16, 'charge at 16.0 A')
            """)
        let store = try Store(path: path)
        let decisions = try await store.decisions(chargerId: "garage")
        #expect(decisions.map(\.limitAmps) == [16])
        #expect(decisions.map(\.phases) == [nil])
        await store.close()
    }

    @Test func reopeningAMigratedDatabaseRunsNothing() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("again.sqlite")
        try await Store(path: path).close()
        let connection = try SQLiteConnection(path: path)
        #expect(try StoreSchema.migrator.migrate(connection) == 9)
        #expect(try StoreSchema.migrator.currentVersion(of: connection) == 9)
    }

    @Test func databaseFromANewerVersionIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("newer.sqlite")
        do {
            let connection = try SQLiteConnection(path: path)
            try connection.execute("PRAGMA user_version = 99")
        }
        let error = #expect(throws: SQLiteMigrationError.self) { _ = try Store(path: path) }
        #expect(error == .databaseIsNewer(found: 99, latest: StoreSchema.latestVersion))
    }

    @Test func failedMigrationLeavesTheVersionUnchanged() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let migrator = SQLiteMigrator(migrations: [
            SQLiteMigration(version: 1, name: "one", sql: "CREATE TABLE a (x)"),
            SQLiteMigration(version: 2, name: "broken", sql: "CREATE TABLE b (x); CREATE TABLE a (x)"),
        ])
        #expect(throws: SQLiteError.self) { try migrator.migrate(connection) }
        #expect(try migrator.currentVersion(of: connection) == 1)
        #expect(try connection.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == .integer(0))
    }
}
