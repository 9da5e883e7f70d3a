/// Whether a sampled value is plain or signed data.
public enum ValueFormat: OCPPEnumeration {
    case raw
    case signedData
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.raw, "Raw"),
        (.signedData, "SignedData"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
