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
        var goalRequests: [EnergyGoalRequest] = []
        var goals: [ConnectorKey: EnergyGoalPlan] = [:]
        var clearedGoals: [String] = []
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

    /// Keeps the goal and answers its plan over a flat 0.25 tariff, for a session that holds nothing
    /// yet on a 16 A, 3-phase charger.
    func setGoal(_ request: EnergyGoalRequest) async throws(SchedulerControlError) -> EnergyGoalPlan {
        if let refusal = current.refusal { throw refusal }
        let goal = EnergyGoal(
            chargerId: request.chargerId, connectorId: request.connectorId, energyWh: request.energyWh, by: request.by,
            strategy: request.strategy, setAt: APIHarness.now, transactionId: 17)
        let connector = ConnectorState(
            chargerId: request.chargerId, connectorId: request.connectorId, status: .charging, sessionEnergy: 0,
            hasOpenTransaction: true)
        let plan = EnergyGoalPlan(
            goal: goal, connector: connector, settings: .defaults, now: APIHarness.now, prices: .constant(0.25))
        update {
            $0.goalRequests.append(request)
            $0.goals[goal.key] = plan
        }
        return plan
    }

    func goalPlan(chargerId: String, connectorId: Int) async -> EnergyGoalPlan? {
        current.goals[ConnectorKey(chargerId: chargerId, connectorId: connectorId)]
    }

    func clearGoal(chargerId: String, connectorId: Int) async -> Bool {
        let key = ConnectorKey(chargerId: chargerId, connectorId: connectorId)
        guard current.goals[key] != nil else { return false }
        update {
            $0.goals[key] = nil
            $0.clearedGoals.append(key.description)
        }
        return true
    }

    func updateInputs(_ values: InputUpdate) async throws(SchedulerControlError) -> [InputStatus] {
        if let refusal = current.refusal { throw refusal }
        update { $0.inputUpdates.append(values) }
        return current.inputs
    }

    func updateInputsFromSource(_ values: InputUpdate) async throws(SchedulerControlError) {
        if let refusal = current.refusal { throw refusal }
        update { $0.inputUpdates.append(values) }
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
