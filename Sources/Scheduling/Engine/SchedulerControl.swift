import ChargingModel
import Foundation
import Rules

/// What the HTTP API asks of the scheduling engine (docs/api.md): overrides, inputs, tariff, rules and
/// the decision and applied state shown in the charger object.
///
/// The engine implements it; the API depends only on this, so each can be tested alone.
public protocol SchedulerControl: Sendable {
    /// A manual limit above every rule until it expires, the session ends, or it is cleared.
    func setLimitOverride(_ override: LimitOverrideRequest) async throws(SchedulerControlError)
    func clearLimitOverride(chargerId: String, connectorId: Int) async
    /// Tells the engine a manual start/stop/availability command was sent, so that the rules do
    /// not undo it until the session ends (start/stop) or the next availability rule change.
    func noteManualCommand(_ command: ManualCommand) async

    /// Sets a connector's energy goal (replacing the one it had) and answers its plan.
    func setGoal(_ request: EnergyGoalRequest) async throws(SchedulerControlError) -> EnergyGoalPlan
    /// A connector's energy goal and its plan now, or nil without one.
    func goalPlan(chargerId: String, connectorId: Int) async -> EnergyGoalPlan?
    /// Clears a connector's energy goal; false when it had none.
    func clearGoal(chargerId: String, connectorId: Int) async -> Bool

    /// Merges input values (base units; `nil` removes an input); answers every input now known.
    func updateInputs(_ update: InputUpdate) async throws(SchedulerControlError) -> [InputStatus]
    /// Merges values a source read (docs/sources.md) as `updateInputs` does, without waiting for
    /// the store (the rows go with its next batch: nobody is answered) and without answering the
    /// inputs. A value read again unchanged while still fresh only makes the input younger: no
    /// evaluation, no event.
    func updateInputsFromSource(_ update: InputUpdate) async throws(SchedulerControlError)
    func inputs() async -> [InputStatus]

    /// Replaces the pushed dynamic prices that the new slots overlap.
    func replaceTariff(_ slots: [PriceSlot]) async throws(SchedulerControlError)
    /// The effective price slots (pushed over configured over default) in a window.
    func tariffSlots(from: Date, to: Date) async -> [PriceSlot]

    /// The loaded rules and which are active on each connector now.
    func rulesOverview() async -> RulesOverview
    /// Reloads the rules folder; on errors keeps the last good rules and returns every error. Loaded
    /// rules return their warnings (selectors that match no configured charger), if any.
    func reloadRules() async -> [RuleDiagnostic]

    /// The decision in force and what was applied, per connector of a charger.
    func connectorStates(chargerId: String) async -> [Int: ConnectorSchedulingState]
    /// The same for every charger at once, by charger id (MQTT publishes them all every second).
    func allConnectorStates() async -> [String: [Int: ConnectorSchedulingState]]
    /// How many times the rules were evaluated since start-up (for /metrics).
    func evaluationCount() async -> Int
}

/// `POST /api/chargers/{id}/limit`, or MQTT's `.../limit/set`.
public struct LimitOverrideRequest: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    public var amps: Double?
    public var watts: Double?
    public var minutes: Double?
    /// Who asked (`api`, `mqtt`): the profiles that carry the override out are recorded with it.
    public var source: CommandSource

    public init(
        chargerId: String, connectorId: Int, amps: Double?, watts: Double?, minutes: Double?,
        source: CommandSource = .api
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.amps = amps
        self.watts = watts
        self.minutes = minutes
        self.source = source
    }
}

/// A manual command sent through the API.
public enum ManualCommand: Sendable, Equatable {
    case start(chargerId: String, connectorId: Int)
    case stop(chargerId: String, connectorId: Int)
    case availability(chargerId: String, connectorId: Int, available: Bool)
}

/// Why the engine refused an API request; the message names the field.
public struct SchedulerControlError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// An input as `GET /api/inputs` shows it.
public struct InputStatus: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var updatedAt: Date
    public var ageSeconds: Double
    /// Older than `scheduler.inputMaxAge`: the rules treat it as unknown.
    public var stale: Bool

    public init(name: String, value: Double, updatedAt: Date, ageSeconds: Double, stale: Bool) {
        self.name = name
        self.value = value
        self.updatedAt = updatedAt
        self.ageSeconds = ageSeconds
        self.stale = stale
    }
}

/// `GET /api/rules`.
public struct RulesOverview: Sendable, Equatable {
    public var rules: [Rule]
    /// Rule names active now, per connector.
    public var active: [ConnectorKey: [String]]

    public init(rules: [Rule], active: [ConnectorKey: [String]]) {
        self.rules = rules
        self.active = active
    }
}

/// The `decision` and `applied` parts of a connector in the charger object.
public struct ConnectorSchedulingState: Sendable, Equatable {
    public var charging: Bool?
    public var limitAmps: Double?
    public var rules: [String]
    /// "override" when a manual override decides, else "rules".
    public var source: String
    public var appliedLimitAmps: Double?
    public var appliedStatus: String?
    public var appliedAt: Date?
    /// The connector's energy goal and its plan, when it has one (the charger object's `goal`).
    public var goal: EnergyGoalPlan?
    /// The phases the decided limit is held on, on a charger with `phaseSwitching` (SPEC §10);
    /// `nil` on other chargers and without a limit.
    public var phases: Int?
    /// The phases of the profile the charger holds (`numberPhases`), when it was sent for fewer
    /// than all of the charger's; `nil`: all of them.
    public var appliedPhases: Int?

    public init(
        charging: Bool?, limitAmps: Double?, rules: [String], source: String, appliedLimitAmps: Double?,
        appliedStatus: String?, appliedAt: Date?, goal: EnergyGoalPlan? = nil, phases: Int? = nil,
        appliedPhases: Int? = nil
    ) {
        self.charging = charging
        self.limitAmps = limitAmps
        self.rules = rules
        self.source = source
        self.appliedLimitAmps = appliedLimitAmps
        self.appliedStatus = appliedStatus
        self.appliedAt = appliedAt
        self.goal = goal
        self.phases = phases
        self.appliedPhases = appliedPhases
    }
}
