/// A checked rule, ready to evaluate.
public struct Rule: Sendable, Equatable {
    /// The rule's name, unique across the rule set.
    public let name: String
    /// The file it came from, as given to the checker.
    public let path: String
    /// Where its `rule` keyword is.
    public let location: SourceLocation
    public let priority: Int
    /// The rule in canonical form (one clause per line, operations in parentheses).
    public let text: String

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

    /// Empty: every connector of every charger.
    let scope: [ChargerSelector]
    var conditions: [Condition]
    let charging: ChargingDecision?
    let limit: Amount?
    let share: Amount?
    let session: SessionEffect?
    let availability: AvailabilityDecision?

    var hasTemporalCondition: Bool { conditions.contains { $0.temporalSlot != nil } }
}
