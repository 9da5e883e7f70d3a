import CSQLite

/// The current row of a statement, read by column index (0-based).
///
/// Only valid inside the closure it is passed to: the next step of the statement replaces it.
/// Reading a NULL column through a non-optional accessor gives 0 or the empty string, as
/// SQLite's own conversions do; use the `optional...` accessors where NULL means something.
public struct SQLiteRow {
    let statement: OpaquePointer

    /// The number of columns in the row.
    public var columnCount: Int32 { sqlite3_column_count(statement) }

    /// The column's name as the query spelled it (`AS` alias included).
    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
    }

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    public func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    public func bool(_ index: Int32) -> Bool { sqlite3_column_int64(statement, index) != 0 }

    public func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(statement, index) else { return "" }
        // Decode with the byte count so that text holding NUL characters is kept whole.
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
    }

    public func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    public func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }

    public func optionalBool(_ index: Int32) -> Bool? { isNull(index) ? nil : bool(index) }

    /// The column in its own storage class.
    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(string(index))
        case SQLITE_BLOB: .blob(blob(index))
        default: .null
        }
    }
}
