/// Whether an id tag may charge.
public enum AuthorizationStatus: OCPPEnumeration {
    case accepted
    case blocked
    case expired
    case invalid
    case concurrentTx
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.blocked, "Blocked"),
        (.expired, "Expired"),
        (.invalid, "Invalid"),
        (.concurrentTx, "ConcurrentTx"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Blocked": .blocked
        case "Expired": .expired
        case "Invalid": .invalid
        case "ConcurrentTx": .concurrentTx
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .blocked: "Blocked"
        case .expired: "Expired"
        case .invalid: "Invalid"
        case .concurrentTx: "ConcurrentTx"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
