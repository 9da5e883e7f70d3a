/// The kind of reset a Reset asks for.
public enum ResetType: OCPPEnumeration {
    case hard
    case soft
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.hard, "Hard"),
        (.soft, "Soft"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
