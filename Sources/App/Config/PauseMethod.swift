/// How a paused connector is held (`chargers.<id>.pause`).
public enum PauseMethod: String, Sendable, Hashable, CaseIterable {
    /// A charging profile with limit 0; the transaction stays open.
    case profile
    /// RemoteStopTransaction, and RemoteStartTransaction to resume, for chargers that end the
    /// session on a 0 limit.
    case remoteStop
}
