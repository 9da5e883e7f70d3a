/// How a command ended, as the sender learns it once the charger answered (or did not).
public struct CommandResult: Sendable, Equatable {
    public var outcome: CommandOutcome
    /// From sending to the answer; nil when nothing was sent.
    public var latencyMilliseconds: Double?

    public init(outcome: CommandOutcome, latencyMilliseconds: Double?) {
        self.outcome = outcome
        self.latencyMilliseconds = latencyMilliseconds
    }
}
