import Foundation
import OCPP

/// Everything Ampwise knows about one charger at a moment: what the API shows and the
/// scheduler's world is built from (SPEC §6, the charger object).
public struct ChargerSnapshot: Sendable, Equatable {
    public var id: String
    public var connected: Bool
    /// The identity from the charger's last BootNotification.req (vendor, model, serial numbers,
    /// firmware, SIM, meter), kept in the store across restarts; nil while it has never booted.
    public var identity: BootNotificationRequest?
    /// SupportedFeatureProfiles as the charger reported them (`Core`, `SmartCharging`, ...).
    public var features: [String]
    public var lastBoot: Date?
    public var lastHeartbeat: Date?
    public var latencyMilliseconds: Double?
    /// How often the charger connected again after its first connection since start-up.
    public var reconnects: Int
    /// Connector 0: the charger as a whole.
    public var status: String?
    public var errorCode: String?
    /// Connector 0's `info` and `vendorErrorCode` from its last StatusNotification.
    public var info: String?
    public var vendorErrorCode: String?
    /// Connector 0's latest measurands (a charger-wide meter), like `ConnectorSnapshot.measurands`.
    public var measurands: [String: MeasurandValue]
    /// When the charger last sent anything.
    public var lastSeen: Date?
    /// The last FirmwareStatusNotification and DiagnosticsStatusNotification statuses.
    public var firmwareStatus: String?
    public var diagnosticsStatus: String?
    public var connectors: [ConnectorSnapshot]
    /// The charger's configuration keys from the last GetConfiguration.
    public var configuration: [String: String]
    /// ChargingScheduleAllowedChargingRateUnit: "Current", "Power" or both.
    public var allowedChargingRateUnit: String?
    public var maxStackLevel: Int?
    public var numberOfConnectors: Int?

    public init(id: String) {
        self.id = id
        connected = false
        features = []
        reconnects = 0
        connectors = []
        configuration = [:]
        measurands = [:]
    }

    public func connector(_ id: Int) -> ConnectorSnapshot? {
        connectors.first { $0.id == id }
    }
}
