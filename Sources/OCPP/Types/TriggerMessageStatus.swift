/// The answer to a TriggerMessage.
public enum TriggerMessageStatus: OCPPEnumeration {
    case accepted
    case rejected
    case notImplemented
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.notImplemented, "NotImplemented"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
