import CSQLite

/// An error reported by SQLite, carrying its result codes and message.
///
/// `resultCode` is the primary code (`SQLITE_CONSTRAINT` = 19, `SQLITE_BUSY` = 5, ...);
/// `extendedResultCode` tells the variant (`SQLITE_CONSTRAINT_UNIQUE` = 2067, ...). Connections
/// enable extended codes, so both are always filled in.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (the low 8 bits of the extended code).
    public var resultCode: Int32
    /// The extended result code, as SQLite reported it.
    public var extendedResultCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or ours for errors found before SQLite ran.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.resultCode = code & 0xFF
        self.extendedResultCode = code
        self.message = message
        self.sql = sql
    }

    /// A column that does not hold what its reader expects (SQLITE_MISMATCH), for readers of
    /// typed columns built on `SQLiteRow` (a timestamp that does not parse, say).
    public static func mismatch(_ message: String) -> SQLiteError {
        SQLiteError(code: SQLITE_MISMATCH, message: message)
    }

    /// The error SQLite holds for `connection` after a call that returned `code`.
    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(code: code, message: text ?? String(cString: sqlite3_errstr(code)), sql: sql)
    }

    public var description: String {
        var text = "SQLite error \(extendedResultCode): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }

    /// The database is locked by another connection beyond the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }
    /// A UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint failed.
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyViolation: Bool { extendedResultCode == 787 }  // SQLITE_CONSTRAINT_FOREIGNKEY
}
