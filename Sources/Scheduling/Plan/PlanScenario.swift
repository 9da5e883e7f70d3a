import ChargingModel
import Foundation

/// The simulated world of `ampwise plan`: the chargers and the inputs at any instant.
public struct PlanScenario: Sendable {
    /// Every charger with its connectors (status, transaction, measurands) at an instant.
    public var snapshots: @Sendable (Date) -> [ChargerSnapshot]
    /// The inputs known at an instant (an input missing is unknown then).
    public var inputs: @Sendable (Date) -> [InputName: Double]

    public init(
        snapshots: @escaping @Sendable (Date) -> [ChargerSnapshot],
        inputs: @escaping @Sendable (Date) -> [InputName: Double]
    ) {
        self.snapshots = snapshots
        self.inputs = inputs
    }
}
