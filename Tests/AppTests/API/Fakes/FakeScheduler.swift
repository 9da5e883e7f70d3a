import ChargingModel
import Foundation
import Rules
import Scheduling
import Synchronization

/// The engine as the API sees it: records what the API asks, answers what the test set.
final class FakeScheduler: SchedulerControl {
    struct State {
        var overrides: [LimitOverrideRequest] = []
        var cleared: [String] = []
        var manualCommands: [ManualCommand] = []
        var inputUpdates: [InputUpdate] = []
        var inputs: [InputStatus] = []
        var tariffPushes: [[PriceSlot]] = []
        var tariffWindows: [ClosedRange<Date>] = []
        var slots: [PriceSlot] = []
        var overview = RulesOverview(rules: [], active: [:])
        var diagnostics: [RuleDiagnostic] = []
        var states: [String: [Int: ConnectorSchedulingState]] = [:]
        var evaluations = 0
        var refusal: SchedulerControlError?
    }

    let state = Mutex(State())
    /// Called whenever the API reads the evaluation count (the metrics page).
    let onEvaluationCount = Mutex<(@Sendable () -> Void)?>(nil)

    func update(_ change: (inout State) -> Void) { state.withLock { change(&$0) } }
    var current: State { state.withLock { $0 } }

    func setLimitOverride(_ override: LimitOverrideRequest) async throws(SchedulerControlError) {
        if let refusal = current.refusal { throw refusal }
        update { $0.overrides.append(override) }
    }

    func clearLimitOverride(chargerId: String, connectorId: Int) async {
        update { $0.cleared.append("\(chargerId):\(connectorId)") }
    }

    func noteManualCommand(_ command: ManualCommand) async {
        update { $0.manualCommands.append(command) }
    }

    func updateInputs(_ values: InputUpdate) async throws(SchedulerControlError) -> [InputStatus] {
        if let refusal = current.refusal { throw refusal }
        update { $0.inputUpdates.append(values) }
        return current.inputs
    }

    func inputs() async -> [InputStatus] { current.inputs }

    func replaceTariff(_ slots: [PriceSlot]) async throws(SchedulerControlError) {
        if let refusal = current.refusal { throw refusal }
        update { $0.tariffPushes.append(slots) }
    }

    func tariffSlots(from: Date, to: Date) async -> [PriceSlot] {
        update { $0.tariffWindows.append(from...to) }
        return current.slots
    }

    func rulesOverview() async -> RulesOverview { current.overview }

    func reloadRules() async -> [RuleDiagnostic] { current.diagnostics }

    func connectorStates(chargerId: String) async -> [Int: ConnectorSchedulingState] {
        current.states[chargerId] ?? [:]
    }

    func allConnectorStates() async -> [String: [Int: ConnectorSchedulingState]] {
        current.states
    }

    func evaluationCount() async -> Int {
        onEvaluationCount.withLock { $0 }?()
        return current.evaluations
    }
}
