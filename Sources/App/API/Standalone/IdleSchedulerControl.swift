import Foundation
import Rules
import Scheduler

/// A stand-in `SchedulerControl` for when the scheduling engine is not wired in: no decisions,
/// no rules, no inputs, and overrides, input and tariff updates refused with a message that says
/// why. Replace it with the engine.
public struct IdleSchedulerControl: SchedulerControl {
    private static let refusal = SchedulerControlError("the scheduling engine is not running")

    public init() {}

    public func setLimitOverride(_ override: LimitOverrideRequest) async throws(SchedulerControlError) {
        throw Self.refusal
    }

    public func clearLimitOverride(chargerId: String, connectorId: Int) async {}

    public func noteManualCommand(_ command: ManualCommand) async {}

    public func updateInputs(_ values: [String: Double]) async throws(SchedulerControlError) -> [InputStatus] {
        throw Self.refusal
    }

    public func inputs() async -> [InputStatus] { [] }

    public func replaceTariff(_ slots: [PriceSlot]) async throws(SchedulerControlError) {
        throw Self.refusal
    }

    public func tariffSlots(from: Date, to: Date) async -> [PriceSlot] { [] }

    public func rulesOverview() async -> RulesOverview { RulesOverview(rules: [], active: [:]) }

    public func reloadRules() async -> [RuleDiagnostic] { [] }

    public func connectorStates(chargerId: String) async -> [Int: ConnectorSchedulingState] { [:] }

    public func evaluationCount() async -> Int { 0 }
}
