/// Whether an id tag may charge.
public enum AuthorizationStatus: OCPPEnumeration {
    case accepted
    case blocked
    case expired
    case invalid
    case concurrentTx
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.blocked, "Blocked"),
        (.expired, "Expired"),
        (.invalid, "Invalid"),
        (.concurrentTx, "ConcurrentTx"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
