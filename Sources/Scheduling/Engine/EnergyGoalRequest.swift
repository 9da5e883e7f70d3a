import ChargingModel
import Foundation

/// `POST /api/chargers/{id}/goal` (SPEC §10): the session on the connector should hold
/// `energyWh` by `by`.
public struct EnergyGoalRequest: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    public var energyWh: Double
    public var by: Date
    public var strategy: EnergyGoalStrategy

    public init(chargerId: String, connectorId: Int, energyWh: Double, by: Date, strategy: EnergyGoalStrategy) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.energyWh = energyWh
        self.by = by
        self.strategy = strategy
    }
}
