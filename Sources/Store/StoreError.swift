/// Errors of the `Store` that are not SQLite's own (those are `SQLiteError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store was closed.
    case closed

    public var description: String {
        switch self {
        case .closed: "the store is closed"
        }
    }
}
