import Logging

/// `ampwise demo`'s flags.
public struct DemoOptions: Sendable, Hashable {
    public static let defaultChargers = 3
    public static let defaultPort = 9080

    /// How many simulated chargers.
    public var chargers: Int
    /// The API's and dashboard's port.
    public var port: Int
    public var logLevel: LogLevel?

    public init(chargers: Int = defaultChargers, port: Int = defaultPort, logLevel: LogLevel? = nil) {
        self.chargers = chargers
        self.port = port
        self.logLevel = logLevel
    }
}
