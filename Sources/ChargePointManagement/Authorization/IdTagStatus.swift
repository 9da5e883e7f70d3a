/// The answer about an id tag (OCPP 1.6 `IdTagInfo.status`); raw values are OCPP's spelling.
public enum IdTagStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case accepted = "Accepted"
    case blocked = "Blocked"
    case expired = "Expired"
    case invalid = "Invalid"
    case concurrentTx = "ConcurrentTx"
}
