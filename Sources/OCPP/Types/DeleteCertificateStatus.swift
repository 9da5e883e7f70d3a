/// The answer to a DeleteCertificate.
public enum DeleteCertificateStatus: OCPPEnumeration {
    case accepted
    case failed
    case notFound
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.failed, "Failed"),
        (.notFound, "NotFound"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
