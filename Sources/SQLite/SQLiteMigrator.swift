/// Applies numbered migrations and records the version reached in `PRAGMA user_version`.
///
/// `user_version` lives in the database header and changes inside the same transaction as the
/// migration, so a crash leaves the database either before or after a step, never between.
public struct SQLiteMigrator: Sendable {
    public let migrations: [SQLiteMigration]

    /// - Precondition: the migrations are numbered 1, 2, 3, ... in order.
    public init(migrations: [SQLiteMigration]) {
        for (offset, migration) in migrations.enumerated() {
            precondition(migration.version == offset + 1, "migration \(migration.name) must be number \(offset + 1)")
        }
        self.migrations = migrations
    }

    /// The version the last migration produces.
    public var latestVersion: Int { migrations.count }

    /// The version recorded in the database (0 for a new file).
    public func currentVersion(of connection: SQLiteConnection) throws(SQLiteError) -> Int {
        guard case .integer(let version) = try connection.scalar("PRAGMA user_version") else { return 0 }
        return Int(version)
    }

    /// Runs the migrations the database has not had, up to `target` (default: the latest).
    /// - Returns: the version the database had before.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection, upTo target: Int? = nil) throws -> Int {
        let target = target ?? latestVersion
        let found = try currentVersion(of: connection)
        guard found <= latestVersion else {
            throw SQLiteMigrationError.databaseIsNewer(found: found, latest: latestVersion)
        }
        for migration in migrations where migration.version > found && migration.version <= target {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        return found
    }
}
