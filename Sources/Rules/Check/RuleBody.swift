/// The compiled, immutable part of a rule that evaluation reads.
final class RuleBody: Sendable, Equatable {
    /// A `when` clause, with its slot in the temporal state when it has `for` or `hold`.
    struct Condition: Equatable, Sendable {
        var expression: CompiledExpression
        var forSeconds: Double
        var holdSeconds: Double
        var temporalSlot: Int?
    }

    /// A `limit` or `share` amount, in A or (when `isPower`) in W.
    struct Amount: Equatable, Sendable {
        var expression: CompiledExpression
        var isPower: Bool
    }

    enum SessionEffect: Equatable, Sendable {
        case start(idTag: String?)
        case stop
    }

    let name: String
    let priority: Int
    /// Empty: every connector of every charger.
    let scope: [ChargerSelector]
    let conditions: [Condition]
    let charging: ChargingDecision?
    let limit: Amount?
    let share: Amount?
    let session: SessionEffect?
    let availability: AvailabilityDecision?

    init(
        name: String, priority: Int, scope: [ChargerSelector], conditions: [Condition], charging: ChargingDecision?,
        limit: Amount?, share: Amount?, session: SessionEffect?, availability: AvailabilityDecision?
    ) {
        self.name = name
        self.priority = priority
        self.scope = scope
        self.conditions = conditions
        self.charging = charging
        self.limit = limit
        self.share = share
        self.session = session
        self.availability = availability
    }

    /// The same rule with its `for`/`hold` clauses numbered from `firstSlot`.
    func numberingTemporalSlots(from firstSlot: Int) -> RuleBody {
        var next = firstSlot
        let numbered = conditions.map { condition in
            var condition = condition
            if condition.temporalSlot != nil {
                condition.temporalSlot = next
                next += 1
            }
            return condition
        }
        return RuleBody(
            name: name, priority: priority, scope: scope, conditions: numbered, charging: charging, limit: limit,
            share: share, session: session, availability: availability)
    }

    func inScope(_ connector: ConnectorState) -> Bool {
        if scope.isEmpty { return true }
        for index in scope.indices
        where scope[index].matches(chargerId: connector.chargerId, connectorId: connector.connectorId) {
            return true
        }
        return false
    }

    static func == (lhs: RuleBody, rhs: RuleBody) -> Bool {
        lhs.name == rhs.name && lhs.priority == rhs.priority && lhs.scope == rhs.scope
            && lhs.conditions == rhs.conditions && lhs.charging == rhs.charging && lhs.limit == rhs.limit
            && lhs.share == rhs.share && lhs.session == rhs.session && lhs.availability == rhs.availability
    }
}
