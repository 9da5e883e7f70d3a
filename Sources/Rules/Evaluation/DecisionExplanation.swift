/// Why a connector got its decision: the rules that won each family, the rules active on it and
/// the values that were unknown. Rule names are sorted.
public struct DecisionExplanation: Sendable, Equatable {
    public var chargingRules: [String] = []
    public var limitRules: [String] = []
    /// The `share` rules whose budget set or capped the limit or paused the connector.
    public var shareRules: [String] = []
    public var sessionRules: [String] = []
    public var availabilityRules: [String] = []
    /// Every rule whose scope holds this connector and whose `when` clauses are all true.
    public var activeRules: [String] = []
    /// Unknown values read while evaluating (`grid.power`, `connector.power`, `price`, ...).
    public var unknownValues: [String] = []
    public var pauseReason: PauseReason?

    public init() {}

    /// The rules that decided any family, sorted and without repeats.
    public var decidingRules: [String] {
        Array(Set(chargingRules + limitRules + shareRules + sessionRules + availabilityRules)).sorted()
    }
}
