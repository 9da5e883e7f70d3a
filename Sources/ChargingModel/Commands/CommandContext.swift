/// Who sends a command and why, for its record in the audit trail.
public struct CommandContext: Sendable {
    public var source: CommandSource
    /// The connector the command is about, when it is about one.
    public var connectorId: Int?
    /// Why the scheduler sent it (`limit 10.0 A`, `resume`); nil for the others.
    public var reason: String?
    /// The decision the command carries out, once its record has an id (the scheduler's
    /// decisions are written in batches beside the commands that carry them out).
    public var decisionId: (@Sendable () async -> Int?)?

    public init(
        source: CommandSource, connectorId: Int? = nil, reason: String? = nil,
        decisionId: (@Sendable () async -> Int?)? = nil
    ) {
        self.source = source
        self.connectorId = connectorId
        self.reason = reason
        self.decisionId = decisionId
    }
}
