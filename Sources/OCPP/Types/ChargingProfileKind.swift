/// How a charging schedule's start is determined.
public enum ChargingProfileKind: OCPPEnumeration {
    case absolute
    case recurring
    case relative
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.absolute, "Absolute"),
        (.recurring, "Recurring"),
        (.relative, "Relative"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
