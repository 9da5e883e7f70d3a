import Foundation

/// What the rules decided for one connector, recorded when it changes: a row of `decisions`.
public struct DecisionRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int
    public var at: Date
    public var chargerId: String
    public var connectorId: Int
    /// `true` charge, `false` pause, `nil` left to the charger (no active rule in the family).
    public var charging: Bool?
    /// The limit in A, `nil` when no limit applies.
    public var limitAmps: Double?
    /// The phases the limit is held on, on a charger with `phaseSwitching`; `nil` on others.
    public var phases: Int?
    /// `start` or `stop`, `nil` when no session rule is active.
    public var session: String?
    /// `available` or `unavailable`, `nil` when no availability rule is active.
    public var availability: String?
    /// The rules that decided each family: `["charging": ["cheap overnight"], "limit": [...]]`.
    public var rules: [String: [String]]
    /// The inputs that were unknown (never pushed or too old) during the evaluation.
    public var unknownInputs: [String]
    /// A readable account, for `ampwise why`.
    public var explanation: String
    /// Effects decided but not carried out yet, each with why: `start: waits until the pause lifts
    /// (pause is "remoteStop")`.
    public var heldBack: [String]
    /// The limit the rules (or a manual override) asked for, in A, before the charger's bounds and
    /// `share` budgets; `nil` when none did.
    public var askedLimitAmps: Double?
    /// The charger's `minCurrent` and `maxCurrent` when the decision was made.
    public var minCurrent: Double?
    public var maxCurrent: Double?
    /// The inputs the deciding rules read, with their values when the decision was made (base
    /// units); unknown ones are in `unknownInputs`.
    public var inputs: [String: Double]

    public init(
        id: Int = 0, at: Date, chargerId: String, connectorId: Int, charging: Bool?, limitAmps: Double?,
        phases: Int? = nil, session: String? = nil, availability: String? = nil, rules: [String: [String]] = [:],
        unknownInputs: [String] = [], explanation: String = "", heldBack: [String] = [],
        askedLimitAmps: Double? = nil, minCurrent: Double? = nil, maxCurrent: Double? = nil,
        inputs: [String: Double] = [:]
    ) {
        self.id = id
        self.at = at
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.charging = charging
        self.limitAmps = limitAmps
        self.phases = phases
        self.session = session
        self.availability = availability
        self.rules = rules
        self.unknownInputs = unknownInputs
        self.explanation = explanation
        self.heldBack = heldBack
        self.askedLimitAmps = askedLimitAmps
        self.minCurrent = minCurrent
        self.maxCurrent = maxCurrent
        self.inputs = inputs
    }
}
