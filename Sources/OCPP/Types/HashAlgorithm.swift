/// The hash of a certificate's issuer name and key in `CertificateHashData`.
public enum HashAlgorithm: OCPPEnumeration {
    case sha256
    case sha384
    case sha512
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.sha256, "SHA256"),
        (.sha384, "SHA384"),
        (.sha512, "SHA512"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
