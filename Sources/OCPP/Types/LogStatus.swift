/// The answer to a GetLog.
public enum LogStatus: OCPPEnumeration {
    case accepted
    case rejected
    case acceptedCanceled
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.acceptedCanceled, "AcceptedCanceled"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
