import ChargingModel

/// The memory of `for` and `hold` clauses between evaluations. The caller keeps it and passes it
/// to every `RuleSet.evaluate` call, so tests and `ampwise plan` can drive time themselves. It
/// survives a rule reload for clauses that keep their rule name and position.
public struct TemporalState: Sendable, Equatable {
    /// Which clause each slot of `clocks` belongs to ("rule name#clause index").
    var slotIds: [String] = []
    var clocks: [ConnectorKey: [ConditionClock]] = [:]
    /// The phases of each connector of a phase-switching charger and its last switch.
    var phases: [ConnectorKey: PhaseMemory] = [:]

    /// A fresh memory: no condition has held yet.
    public init() {}

    /// Re-indexes the clocks for a rule set whose temporal clauses differ (after a reload).
    mutating func adopt(_ newSlotIds: [String]) {
        guard newSlotIds != slotIds else { return }
        var oldIndex: [String: Int] = [:]
        for (index, id) in slotIds.enumerated() { oldIndex[id] = index }
        clocks = clocks.mapValues { old in
            newSlotIds.map { id in oldIndex[id].map { old[$0] } ?? .idle }
        }
        slotIds = newSlotIds
    }
}
