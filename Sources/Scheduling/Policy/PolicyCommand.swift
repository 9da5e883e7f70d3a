import ChargingModel

/// One command the policy wants sent now, with what it serves.
public struct PolicyCommand: Sendable, Hashable {
    public var command: ChargerCommand
    /// The connector the command serves (a charger-wide profile is sent for the whole charger but
    /// serves this connector).
    public var connectorId: Int
    public var family: CommandFamily
    public var reason: CommandReason
    /// Identifies the attempt; an outcome for an older attempt is ignored.
    public var sequence: Int
    /// What the command record names as its source: the scheduler, or for a profile that carries
    /// out a manual limit override, who set the override (`api`, `mqtt`).
    public var source: CommandSource

    public init(
        command: ChargerCommand, connectorId: Int, family: CommandFamily, reason: CommandReason, sequence: Int,
        source: CommandSource = .scheduler
    ) {
        self.command = command
        self.connectorId = connectorId
        self.family = family
        self.reason = reason
        self.sequence = sequence
        self.source = source
    }
}

extension PolicyCommand {
    /// A ClearChargingProfile: "no such profile" counts as done.
    var isWithdrawal: Bool {
        if case .clearLimit = command { return true }
        return false
    }
}
