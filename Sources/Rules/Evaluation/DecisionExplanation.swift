import Foundation

/// Why a connector got its decision: the rules that won each family, the rules active on it and
/// the values that were unknown. Rule names are sorted.
public struct DecisionExplanation: Sendable, Equatable {
    /// The rules that won the charging family (the `pause` rules when a pause won).
    public var chargingRules: [String] = []
    /// The rules whose limit was the lowest at the winning priority.
    public var limitRules: [String] = []
    /// The `share` rules whose budget set or capped the limit or paused the connector.
    public var shareRules: [String] = []
    /// The rules behind the `start` or `stop` that is in effect (empty when filtered out).
    public var sessionRules: [String] = []
    /// The rules that won the availability family.
    public var availabilityRules: [String] = []
    /// Every rule whose scope holds this connector and whose `when` clauses are all true.
    public var activeRules: [String] = []
    /// Unknown values read while evaluating (`grid.power`, `connector.power`, `price`, ...).
    public var unknownValues: [String] = []
    /// Why the connector is paused, when it is.
    public var pauseReason: PauseReason?
    /// The winning limit as the rules asked it, in A (a power converted), before `maxCurrent`,
    /// the `share` budgets and `minCurrent`; `nil` when no limit rule applied.
    public var askedLimitAmps: Double?
    /// What the connector's energy goal does (it decides as the rule `goal`), when it has one.
    public var goal: EnergyGoalState?
    /// On a phase-switching charger, the switch that set the phases in use (`nil` before the first).
    public var phaseSwitch: PhaseSwitch?
    /// On a phase-switching charger, when a switch the limit asks for may happen: the last one is
    /// younger than `scheduler.phaseSwitchInterval`. `nil` when no switch waits.
    public var phaseSwitchWaitsUntil: Date?

    /// An explanation with nothing in it.
    public init() {}

    /// The rules that decided any family, sorted and without repeats.
    public var decidingRules: [String] {
        Array(Set(chargingRules + limitRules + shareRules + sessionRules + availabilityRules)).sorted()
    }
}
