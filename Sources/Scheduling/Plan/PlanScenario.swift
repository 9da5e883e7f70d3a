import ChargingModel
import Foundation

/// The simulated world of `ampwise plan`: the chargers and the inputs at any instant.
public struct PlanScenario: Sendable {
    /// Every charger with its connectors (status, transaction, measurands) at an instant.
    public var snapshots: @Sendable (Date) -> [ChargerSnapshot]
    /// The inputs known at an instant (an input missing is unknown then).
    public var inputs: @Sendable (Date) -> [InputName: Double]
    /// Energy goals in force from the start (a goal in the inputs file, or the live ones).
    public var goals: [EnergyGoal]

    public init(
        snapshots: @escaping @Sendable (Date) -> [ChargerSnapshot],
        inputs: @escaping @Sendable (Date) -> [InputName: Double], goals: [EnergyGoal] = []
    ) {
        self.snapshots = snapshots
        self.inputs = inputs
        self.goals = goals
    }
}
