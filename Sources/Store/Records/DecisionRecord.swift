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

    public init(
        id: Int = 0, at: Date, chargerId: String, connectorId: Int, charging: Bool?, limitAmps: Double?,
        session: String? = nil, availability: String? = nil, rules: [String: [String]] = [:],
        unknownInputs: [String] = [], explanation: String = ""
    ) {
        self.id = id
        self.at = at
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.charging = charging
        self.limitAmps = limitAmps
        self.session = session
        self.availability = availability
        self.rules = rules
        self.unknownInputs = unknownInputs
        self.explanation = explanation
    }
}
