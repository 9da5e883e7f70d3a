import ChargingModel

/// What the rules decided for one connector. Equatable, so a scheduler can record it only when it
/// changes.
public struct ConnectorDecision: Sendable, Equatable {
    /// The connector this decision is for.
    public var chargerId: String
    public var connectorId: Int
    /// The charging family; `.pause` also when the limit fell below minCurrent or a budget paused it.
    public var charging: ChargingDecision
    /// The limit in A (clipped to maxCurrent, share budgets applied); 0 when paused; nil when no
    /// rule has an opinion.
    public var limitAmps: Double?
    /// The phases the limit is for, on a charger with `phaseSwitching` (1 or 3); `nil` on any other
    /// charger (all its configured phases).
    public var phases: Int?
    /// Already filtered: `start` only when Preparing without an open transaction (paused or not:
    /// the command policy decides whether it goes out while paused), `stop` only with an open
    /// transaction.
    public var session: SessionDecision
    /// The availability family.
    public var availability: AvailabilityDecision
    /// Which rules decided and which values were unknown.
    public var explanation: DecisionExplanation

    /// A decision; the defaults are "no opinion" in every family.
    public init(
        chargerId: String, connectorId: Int, charging: ChargingDecision = .none, limitAmps: Double? = nil,
        phases: Int? = nil, session: SessionDecision = .none, availability: AvailabilityDecision = .none,
        explanation: DecisionExplanation = DecisionExplanation()
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.charging = charging
        self.limitAmps = limitAmps
        self.phases = phases
        self.session = session
        self.availability = availability
        self.explanation = explanation
    }

    /// The connector as a dictionary key.
    public var key: ConnectorKey { ConnectorKey(chargerId: chargerId, connectorId: connectorId) }
}
