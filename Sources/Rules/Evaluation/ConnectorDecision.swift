/// What the rules decided for one connector. Equatable, so a scheduler can record it only when it
/// changes.
public struct ConnectorDecision: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    public var charging: ChargingDecision
    /// The limit in A (clipped to maxCurrent, share budgets applied); 0 when paused; nil when no
    /// rule has an opinion.
    public var limitAmps: Double?
    /// Already filtered: `start` only when Preparing without an open transaction and not paused,
    /// `stop` only with an open transaction.
    public var session: SessionDecision
    public var availability: AvailabilityDecision
    public var explanation: DecisionExplanation

    public init(
        chargerId: String, connectorId: Int, charging: ChargingDecision = .none, limitAmps: Double? = nil,
        session: SessionDecision = .none, availability: AvailabilityDecision = .none,
        explanation: DecisionExplanation = DecisionExplanation()
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.charging = charging
        self.limitAmps = limitAmps
        self.session = session
        self.availability = availability
        self.explanation = explanation
    }

    public var key: ConnectorKey { ConnectorKey(chargerId: chargerId, connectorId: connectorId) }
}
