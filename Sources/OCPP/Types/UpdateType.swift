/// Whether a SendLocalList replaces the list or changes it.
public enum UpdateType: OCPPEnumeration {
    case differential
    case full
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.differential, "Differential"),
        (.full, "Full"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
