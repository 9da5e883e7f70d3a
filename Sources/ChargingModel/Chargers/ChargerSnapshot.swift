import Foundation

/// Everything Ampwise knows about one charger at a moment: what the API shows and the
/// scheduler's world is built from (the charger object of docs/api.md), whatever protocol the
/// charger speaks.
public struct ChargerSnapshot: Sendable, Equatable {
    public var id: String
    public var connected: Bool
    /// The OCPP version of the current (or last) connection: `ocpp1.6`, `ocpp2.0.1`; nil before
    /// the first connection since start-up.
    public var protocolVersion: String?
    /// Who the charger said it is at its last boot, kept in the store across restarts; nil while
    /// it has never booted.
    public var identity: ChargerIdentity?
    /// The feature profiles the charger reported (`Core`, `SmartCharging`, ...).
    public var features: [String]
    public var lastBoot: Date?
    public var lastHeartbeat: Date?
    public var latencyMilliseconds: Double?
    /// How often the charger connected again after its first connection since start-up.
    public var reconnects: Int
    /// The charger as a whole (OCPP 1.6's connector 0).
    public var status: ConnectorStatus?
    public var errorCode: String?
    /// Connector 0's `info` and `vendorErrorCode` from its last status report.
    public var info: String?
    public var vendorErrorCode: String?
    /// The charger-wide meter's latest readings, like `ConnectorSnapshot.measurands`.
    public var measurands: [Measurand: MeasurandValue]
    /// When the charger last sent anything.
    public var lastSeen: Date?
    /// The last firmware and diagnostics statuses it reported, as it spelled them.
    public var firmwareStatus: String?
    public var diagnosticsStatus: String?
    public var connectors: [ConnectorSnapshot]
    /// The charger's configuration keys as it last reported them.
    public var configuration: [String: String]
    /// The unit its charging schedules take (amperes unless it takes only watts).
    public var limitUnit: LimitUnit
    /// The highest charging profile stack level it allows, when it said.
    public var maxStackLevel: Int?
    /// How many connectors (EVSEs) it says it has, when it said.
    public var numberOfConnectors: Int?

    public init(id: String) {
        self.id = id
        connected = false
        features = []
        reconnects = 0
        connectors = []
        configuration = [:]
        measurands = [:]
        limitUnit = .amps
    }

    public func connector(_ id: Int) -> ConnectorSnapshot? {
        connectors.first { $0.id == id }
    }
}
