import Foundation

/// The last failed command of a family, kept for the records and retried after `retryInterval`.
public struct CommandFailure: Sendable, Hashable {
    public var reason: CommandReason
    public var outcome: CommandAnswer
    public var at: Date

    public init(reason: CommandReason, outcome: CommandAnswer, at: Date) {
        self.reason = reason
        self.outcome = outcome
        self.at = at
    }
}
