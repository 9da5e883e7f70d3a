/// One entry of a `chargers` clause: a charger id or glob (`*`, `?`), optionally one connector.
struct ChargerSelector: Equatable, Sendable {
    var pattern: String
    /// Written in quotes (ids with characters a bare name cannot hold).
    var quoted: Bool
    var connector: Int?

    var description: String {
        let name = quoted ? "\"\(RuleDeclaration.escaped(pattern))\"" : pattern
        return connector.map { "\(name):\($0)" } ?? name
    }
}
