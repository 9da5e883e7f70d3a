/// How a paused connector is held (`chargers.<id>.pause`).
public enum PausePolicy: String, Sendable, Hashable, CaseIterable {
    /// A charging profile with limit 0 A; the transaction stays open.
    case profile
    /// RemoteStopTransaction, and RemoteStartTransaction to resume, for chargers that end the
    /// session on a 0 A limit.
    case remoteStop
}
