/// One entry of a `chargers` clause: a charger id or glob (`*`, `?`), optionally one connector.
struct ChargerSelector: Equatable, Sendable {
    /// How the pattern is matched, worked out once: most patterns are plain ids or `*`.
    enum Matcher: Equatable, Sendable {
        case any
        case exact(String)
        /// `cp-*`: the most common glob, a prefix and one trailing star.
        case prefix(String)
        /// UTF-8 bytes of the pattern.
        case glob([UInt8])
    }

    var pattern: String
    /// Written in quotes (ids with characters a bare name cannot hold).
    var quoted: Bool
    var connector: Int?
    let matcher: Matcher
    /// Where it is written, for warnings about it.
    var location: SourceLocation

    init(pattern: String, quoted: Bool, connector: Int?, location: SourceLocation = SourceLocation(line: 0, column: 0))
    {
        self.pattern = pattern
        self.quoted = quoted
        self.connector = connector
        self.location = location
        let scalars = Array(pattern.unicodeScalars)
        if scalars.allSatisfy({ $0 == "*" }) && !scalars.isEmpty {
            matcher = .any
        } else if scalars.last == "*", !scalars.dropLast().contains("*"), !scalars.contains("?") {
            matcher = .prefix(String(pattern.dropLast()))
        } else if scalars.contains("*") || scalars.contains("?") {
            matcher = .glob(Array(pattern.utf8))
        } else {
            matcher = .exact(pattern)
        }
    }

    var description: String {
        let name = quoted ? "\"\(RuleDeclaration.escaped(pattern))\"" : pattern
        return connector.map { "\(name):\($0)" } ?? name
    }
}
