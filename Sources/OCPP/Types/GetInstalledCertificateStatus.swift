/// The answer to a GetInstalledCertificateIds.
public enum GetInstalledCertificateStatus: OCPPEnumeration {
    case accepted
    case notFound
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.notFound, "NotFound"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
