import ChargingModel

/// What is known about one connector when the rules run. Measurands are nil when never reported.
public struct ConnectorState: Sendable, Equatable {
    public var chargerId: String
    /// 1 or more.
    public var connectorId: Int
    public var status: ConnectorStatus
    /// Latest Power.Active.Import in W.
    public var power: Double?
    /// Latest Current.Import in A.
    public var current: Double?
    /// Latest Current.Offered in A.
    public var offered: Double?
    /// Latest SoC in %.
    public var soc: Double?
    /// Energy of the open transaction in Wh.
    public var sessionEnergy: Double?
    /// Seconds since the open transaction started.
    public var sessionDuration: Double?
    public var hasOpenTransaction: Bool
    /// Seconds this connector has been charging in its current session. When a `share` budget is
    /// too small for everyone's minimum, the connectors with the largest figure are paused first;
    /// a caller that lets this grow only while power flows gets a fair rotation.
    public var chargingDuration: Double

    public init(
        chargerId: String, connectorId: Int, status: ConnectorStatus, power: Double? = nil, current: Double? = nil,
        offered: Double? = nil, soc: Double? = nil, sessionEnergy: Double? = nil, sessionDuration: Double? = nil,
        hasOpenTransaction: Bool = false, chargingDuration: Double = 0
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.status = status
        self.power = power
        self.current = current
        self.offered = offered
        self.soc = soc
        self.sessionEnergy = sessionEnergy
        self.sessionDuration = sessionDuration
        self.hasOpenTransaction = hasOpenTransaction
        self.chargingDuration = chargingDuration
    }

    public var key: ConnectorKey { ConnectorKey(chargerId: chargerId, connectorId: connectorId) }
}
