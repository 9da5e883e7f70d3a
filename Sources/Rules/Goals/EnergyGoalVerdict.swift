/// What an energy goal decides for its connector at one evaluation, and the figures behind it.
struct EnergyGoalVerdict: Sendable, Equatable {
    var state: EnergyGoalState
    /// Energy the session still lacks, in Wh.
    var missingWh: Double
    /// The power the plan assumes, in W.
    var powerW: Double
    /// Quarter hours needed at that power.
    var needed: Int
    /// `charge`, `pause`, or nil while no session is open.
    var charging: ChargingDecision?
    /// The limit it asks while charging, in A (full power, or what the surplus gives).
    var limitAmps: Double?
}
