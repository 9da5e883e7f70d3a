/// Why a database could not be brought to the schema this program knows.
public enum SQLiteMigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file was written by a newer Ampwise: running old code on it could corrupt it.
    case databaseIsNewer(found: Int, latest: Int)

    public var description: String {
        switch self {
        case .databaseIsNewer(let found, let latest):
            "database schema version \(found) is newer than this program's \(latest); use a newer Ampwise"
        }
    }
}
