import Foundation

/// One connector of a charger (an EVSE, for OCPP 2.0.1): status, open transaction, latest
/// measurands.
public struct ConnectorSnapshot: Sendable, Equatable {
    public var id: Int
    /// Nil until the charger first reports it.
    public var status: ConnectorStatus?
    public var errorCode: String?
    public var info: String?
    public var vendorErrorCode: String?
    public var statusAt: Date?
    public var transaction: TransactionSnapshot?
    public var lastStopReason: String?
    /// Latest combined value per measurand, normalised to base units.
    public var measurands: [Measurand: MeasurandValue]
    /// Seconds this connector has spent in Charging during its open transaction (for share rotation).
    public var chargingSeconds: Double

    public init(id: Int) {
        self.id = id
        measurands = [:]
        chargingSeconds = 0
    }
}
