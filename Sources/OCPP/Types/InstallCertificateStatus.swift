/// The answer to an InstallCertificate.
public enum InstallCertificateStatus: OCPPEnumeration {
    case accepted
    case failed
    case rejected
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.failed, "Failed"),
        (.rejected, "Rejected"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
