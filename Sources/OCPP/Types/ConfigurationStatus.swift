/// The answer to a ChangeConfiguration.
public enum ConfigurationStatus: OCPPEnumeration {
    case accepted
    case rejected
    case rebootRequired
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.rebootRequired, "RebootRequired"),
        (.notSupported, "NotSupported"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
