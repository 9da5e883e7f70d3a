/// The session family: start or stop a transaction remotely.
public enum SessionDecision: Sendable, Equatable {
    /// RemoteStartTransaction with this id tag (the rule's, else the charger's, else "ampwise").
    case start(idTag: String)
    /// RemoteStopTransaction of the open transaction.
    case stop
    case none
}
