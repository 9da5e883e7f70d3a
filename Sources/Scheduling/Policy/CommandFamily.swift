/// The independent strands of commands for a connector; each has at most one command pending.
public enum CommandFamily: String, Sendable, Hashable, CaseIterable {
    /// Charging profiles: limits, pause with a 0 A profile, withdrawal.
    case limit
    /// RemoteStartTransaction and RemoteStopTransaction.
    case session
    /// ChangeAvailability.
    case availability
}
