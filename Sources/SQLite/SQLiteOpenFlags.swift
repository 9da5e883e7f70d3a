import CSQLite

/// How `SQLiteConnection` opens its file (`SQLITE_OPEN_*`).
public struct SQLiteOpenFlags: OptionSet, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let readOnly = SQLiteOpenFlags(rawValue: SQLITE_OPEN_READONLY)
    public static let readWrite = SQLiteOpenFlags(rawValue: SQLITE_OPEN_READWRITE)
    /// Create the file when it does not exist (only together with `readWrite`).
    public static let create = SQLiteOpenFlags(rawValue: SQLITE_OPEN_CREATE)
    /// Interpret the path as a `file:` URI (`file:name?mode=memory`).
    public static let uri = SQLiteOpenFlags(rawValue: SQLITE_OPEN_URI)
}
