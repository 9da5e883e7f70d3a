import Foundation
import JSON
import SQLite

extension SQLiteRow {
    /// A column written by `StoreTimestamp.text`.
    func date(_ index: Int32) throws(SQLiteError) -> Date {
        let text = string(index)
        guard let date = StoreTimestamp.date(text) else {
            throw .mismatch("column \(columnName(index)) is not an ISO 8601 timestamp: \(text)")
        }
        return date
    }

    func optionalDate(_ index: Int32) throws(SQLiteError) -> Date? {
        isNull(index) ? nil : try date(index)
    }

    /// A JSON column. Text that does not parse (edited by hand) is returned as a JSON string
    /// rather than failing the whole query.
    func json(_ index: Int32) -> JSONValue {
        let text = string(index)
        return (try? JSONParser.parse(text)) ?? .string(text)
    }

    func optionalJSON(_ index: Int32) -> JSONValue? {
        // Not a ternary: JSONValue is ExpressibleByNilLiteral, so `nil` there would be `.null`.
        if isNull(index) { return nil }
        return json(index)
    }
}
