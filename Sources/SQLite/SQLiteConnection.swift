import CSQLite

/// A connection to one SQLite database file.
///
/// Small and honest, in the manner of GRDB: prepared statements cached by SQL text, typed
/// binding and reading, errors that carry SQLite's result codes. A connection is not
/// thread-safe: confine it to one thread or serial queue (the `Store` does), which is also why
/// it opens with `SQLITE_OPEN_NOMUTEX`: SQLite's per-connection mutex would only cost time.
public final class SQLiteConnection {
    /// The path the connection was opened with.
    public let path: String
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (or creates) the database at `path`, with foreign keys enforced and a busy timeout
    /// that waits for other connections' locks instead of failing at once.
    public init(
        path: String, flags: SQLiteOpenFlags = [.readWrite, .create], busyTimeoutMilliseconds: Int = 5000
    ) throws(SQLiteError) {
        self.path = path
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags.rawValue | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(code: code, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Int32(clamping: busyTimeoutMilliseconds))
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        close()
    }

    /// Finalizes the cached statements and closes the file. Later calls throw `SQLITE_MISUSE`.
    public func close() {
        for statement in statements.values { statement.finalize() }
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    public var isOpen: Bool { handle != nil }

    /// Runs one or more statements separated by semicolons, with no arguments (schema changes,
    /// pragmas). Nothing is cached.
    public func execute(_ sql: String) throws(SQLiteError) {
        let connection = try openHandle()
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(connection), message: text, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`, compiled on first use.
    public func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try SQLiteStatement(connection: try openHandle(), sql: sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE, ...).
    public func run(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs a query and maps every row with `read`.
    public func query<Element>(
        _ sql: String, _ arguments: [any SQLiteBindable] = [],
        row read: (SQLiteRow) throws(SQLiteError) -> Element
    ) throws(SQLiteError) -> [Element] {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var elements: [Element] = []
        while try statement.step() {
            elements.append(try read(statement.row))
        }
        return elements
    }

    /// The first row of a query mapped with `read`, or `nil` when there is none.
    public func queryFirst<Element>(
        _ sql: String, _ arguments: [any SQLiteBindable] = [],
        row read: (SQLiteRow) throws(SQLiteError) -> Element
    ) throws(SQLiteError) -> Element? {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try read(statement.row)
    }

    /// The first column of the first row, or `.null` when the query returns no row.
    public func scalar(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> SQLiteValue {
        try queryFirst(sql, arguments) { row in row.value(0) } ?? .null
    }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int {
        handle.map { Int(sqlite3_changes($0)) } ?? 0
    }

    /// `true` while a transaction is open (autocommit is off).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    private func openHandle() throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "connection is closed") }
        return handle
    }
}
