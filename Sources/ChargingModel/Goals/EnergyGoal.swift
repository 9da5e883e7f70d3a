import Foundation

/// An energy goal set for one connector's session (`POST /api/chargers/{id}/goal`, SPEC §10):
/// the session should hold `energyWh` by `by`. It ends with its session or at `by`.
public struct EnergyGoal: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    /// What the session should hold, in Wh (the energy already in it counts).
    public var energyWh: Double
    public var by: Date
    public var strategy: EnergyGoalStrategy
    public var setAt: Date
    /// The session the goal belongs to: the one open when it was set, else the first one that
    /// opens after; the goal ends when that session does.
    public var transactionId: Int?

    public init(
        chargerId: String, connectorId: Int, energyWh: Double, by: Date, strategy: EnergyGoalStrategy = .cheapest,
        setAt: Date, transactionId: Int? = nil
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.energyWh = energyWh
        self.by = by
        self.strategy = strategy
        self.setAt = setAt
        self.transactionId = transactionId
    }

    public var key: ConnectorKey { ConnectorKey(chargerId: chargerId, connectorId: connectorId) }
}
