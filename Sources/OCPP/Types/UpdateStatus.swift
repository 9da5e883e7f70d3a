/// The answer to a SendLocalList.
public enum UpdateStatus: OCPPEnumeration {
    case accepted
    case failed
    case notSupported
    case versionMismatch
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.failed, "Failed"),
        (.notSupported, "NotSupported"),
        (.versionMismatch, "VersionMismatch"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
