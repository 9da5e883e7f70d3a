import Logging

/// `ampwise serve`'s flags; `nil` where not given.
public struct ServeOptions: Sendable, Hashable {
    public var configPath: String?
    public var rulesPath: String?
    public var databasePath: String?
    public var logLevel: LogLevel?
    /// `nil`: `journal` when standard error is the systemd journal, else `text`.
    public var logFormat: LogFormat?

    public init(
        configPath: String? = nil, rulesPath: String? = nil, databasePath: String? = nil, logLevel: LogLevel? = nil,
        logFormat: LogFormat? = nil
    ) {
        self.configPath = configPath
        self.rulesPath = rulesPath
        self.databasePath = databasePath
        self.logLevel = logLevel
        self.logFormat = logFormat
    }

    /// `configuration` with `--rules`, `--db` and `--log-level` applied over it.
    public func applied(to configuration: AmpwiseConfiguration) -> AmpwiseConfiguration {
        configuration.overriding(rules: rulesPath, database: databasePath, logLevel: logLevel)
    }
}
