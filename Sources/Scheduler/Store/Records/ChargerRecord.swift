import Foundation

/// A row of `chargers`: what the central system knows about one charger.
public struct ChargerRecord: Sendable, Equatable {
    public var id: String
    public var vendor: String?
    public var model: String?
    public var chargePointSerialNumber: String?
    public var chargeBoxSerialNumber: String?
    public var firmwareVersion: String?
    public var iccid: String?
    public var imsi: String?
    public var meterType: String?
    public var meterSerialNumber: String?
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
        id: String, vendor: String? = nil, model: String? = nil, chargePointSerialNumber: String? = nil,
        chargeBoxSerialNumber: String? = nil, firmwareVersion: String? = nil, iccid: String? = nil,
        imsi: String? = nil, meterType: String? = nil, meterSerialNumber: String? = nil, features: [String] = [],
        connectorCount: Int? = nil, createdAt: Date, firstSeenAt: Date? = nil, lastSeenAt: Date? = nil,
        lastBootAt: Date? = nil, lastHeartbeatAt: Date? = nil
    ) {
        self.id = id
        self.vendor = vendor
        self.model = model
        self.chargePointSerialNumber = chargePointSerialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
        self.features = features
        self.connectorCount = connectorCount
        self.createdAt = createdAt
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.lastBootAt = lastBootAt
        self.lastHeartbeatAt = lastHeartbeatAt
    }
}
