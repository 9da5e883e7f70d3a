import CSQLite

/// A prepared statement.
///
/// `SQLiteConnection` caches statements by their SQL text and resets them after each use, so
/// a statement run in a loop is compiled once. Like its connection, a statement belongs to one
/// thread at a time.
public final class SQLiteStatement {
    /// The SQL text the statement was prepared from.
    public let sql: String
    private(set) var handle: OpaquePointer?

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        self.sql = sql
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(connection, sql, -1, flags, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
        handle = statement
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters the statement takes.
    public var parameterCount: Int32 { handle.map { sqlite3_bind_parameter_count($0) } ?? 0 }

    /// Binds `value` to the parameter at `index` (1-based, as in SQLite).
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        guard let handle else { throw finalizedError }
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // With the byte count, so that text holding NUL characters is kept whole.
            // SQLITE_TRANSIENT: SQLite copies the bytes, so the Swift string may go away at once.
            var text = text
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    guard let start = characters.baseAddress else {
                        // An empty string still needs a non-NULL pointer, or SQLite binds NULL.
                        return sqlite3_bind_text(handle, index, "", 0, ampwise_sqlite_transient())
                    }
                    return sqlite3_bind_text(
                        handle, index, start, Int32(characters.count), ampwise_sqlite_transient())
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A zero-length blob still needs a non-NULL pointer, or SQLite binds NULL.
                sqlite3_bind_blob(
                    handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
                    ampwise_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: sqlite3_db_handle(handle), sql: sql) }
    }

    /// Binds `arguments` to parameters 1...n; the count must match the statement's parameters.
    public func bind(_ arguments: [any SQLiteBindable]) throws(SQLiteError) {
        guard arguments.count == Int(parameterCount) else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "statement takes \(parameterCount) arguments, \(arguments.count) given", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.sqliteValue, at: Int32(offset + 1))
        }
    }

    /// Runs the statement one step: `true` when a row is ready to read, `false` when done.
    public func step() throws(SQLiteError) -> Bool {
        guard let handle else { throw finalizedError }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: code, connection: sqlite3_db_handle(handle), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// The row the last `step()` produced.
    public var row: SQLiteRow {
        precondition(handle != nil, "statement is finalized")
        return SQLiteRow(statement: handle!)
    }

    /// Makes the statement ready to run again and forgets its bindings.
    public func reset() {
        guard let handle else { return }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Releases the compiled statement; the connection does this before it closes.
    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    private var finalizedError: SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: "statement is finalized", sql: sql)
    }
}
