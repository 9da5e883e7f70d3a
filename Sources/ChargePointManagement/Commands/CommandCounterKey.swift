/// One time series of `ampwise_commands_total`.
public struct CommandCounterKey: Sendable, Hashable, Comparable {
    public var source: String
    public var action: String
    public var outcome: String

    public init(source: String, action: String, outcome: String) {
        self.source = source
        self.action = action
        self.outcome = outcome
    }

    public static func < (lhs: CommandCounterKey, rhs: CommandCounterKey) -> Bool {
        (lhs.source, lhs.action, lhs.outcome) < (rhs.source, rhs.action, rhs.outcome)
    }
}
