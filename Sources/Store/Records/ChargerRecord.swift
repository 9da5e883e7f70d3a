import ChargingModel
import Foundation

/// A row of `chargers`: what the central system knows about one charger.
public struct ChargerRecord: Sendable, Equatable {
    public var id: String
    /// The identity from the charger's last BootNotification.req; nil while it has never booted
    /// (a row can exist before that, see `createdAt`).
    public var identity: ChargerIdentity?
    /// SupportedFeatureProfiles as learned from GetConfiguration (`["Core", "SmartCharging"]`).
    public var features: [String]
    /// NumberOfConnectors, or the highest connector the charger reported.
    public var connectorCount: Int?
    /// When the row was created (a charger can be recorded before it ever connects, for
    /// example by a command that found it not connected).
    public var createdAt: Date
    public var firstSeenAt: Date?
    public var lastSeenAt: Date?
    public var lastBootAt: Date?
    public var lastHeartbeatAt: Date?

    public init(
        id: String, identity: ChargerIdentity? = nil, features: [String] = [], connectorCount: Int? = nil,
        createdAt: Date, firstSeenAt: Date? = nil, lastSeenAt: Date? = nil, lastBootAt: Date? = nil,
        lastHeartbeatAt: Date? = nil
    ) {
        self.id = id
        self.identity = identity
        self.features = features
        self.connectorCount = connectorCount
        self.createdAt = createdAt
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.lastBootAt = lastBootAt
        self.lastHeartbeatAt = lastHeartbeatAt
    }
}
