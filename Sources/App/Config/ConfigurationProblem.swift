/// One thing wrong in a configuration file, at a key path (`chargers.garage.maxCurrent`).
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key path with array indices (`tariff.periods[0].from`); empty for the whole file.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `chargers.garage.maxCurrent: expected a number`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
