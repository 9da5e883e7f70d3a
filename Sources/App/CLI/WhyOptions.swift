import Foundation

/// `ampwise why`'s arguments.
public struct WhyOptions: Sendable, Hashable {
    public var chargerId: String
    /// `nil`: every connector.
    public var connector: Int?
    /// `nil`: everything recorded.
    public var since: Date?
    public var configPath: String?
    public var databasePath: String?

    public init(
        chargerId: String, connector: Int? = nil, since: Date? = nil, configPath: String? = nil,
        databasePath: String? = nil
    ) {
        self.chargerId = chargerId
        self.connector = connector
        self.since = since
        self.configPath = configPath
        self.databasePath = databasePath
    }

    /// `configuration` with `--db` applied over it.
    public func applied(to configuration: AmpwiseConfiguration) -> AmpwiseConfiguration {
        configuration.overriding(rules: nil, database: databasePath, logLevel: nil)
    }
}
