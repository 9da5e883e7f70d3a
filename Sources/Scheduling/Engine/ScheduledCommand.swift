/// A command the policy wants sent to a charger, with the connector decision it serves.
public struct ScheduledCommand: Sendable, Hashable {
    public var chargerId: String
    public var command: PolicyCommand

    public init(chargerId: String, command: PolicyCommand) {
        self.chargerId = chargerId
        self.command = command
    }
}
