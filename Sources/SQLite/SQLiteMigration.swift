/// One numbered step of a schema. Migrations are append-only: once released, a migration is
/// never edited; a change is a new migration with the next number.
public struct SQLiteMigration: Sendable {
    /// The schema version this migration produces; the first migration is 1.
    public let version: Int
    /// A short name, for logs.
    public let name: String
    /// The statements, run in one transaction.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
