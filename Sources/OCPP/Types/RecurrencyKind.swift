/// How often a recurring charging profile repeats.
public enum RecurrencyKind: OCPPEnumeration {
    case daily
    case weekly
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.daily, "Daily"),
        (.weekly, "Weekly"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
