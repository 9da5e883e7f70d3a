import SQLite

/// The WHERE clause of a query whose conditions depend on which filters the caller gave.
struct SQLFilter {
    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []

    /// Adds `condition` (with its `?` placeholders) and the arguments for them.
    mutating func add(_ condition: String, _ values: any SQLiteBindable...) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    /// `WHERE a AND b`, or nothing when there is no condition.
    var clause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }
}
