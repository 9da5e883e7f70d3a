/// How often a recurring charging profile repeats.
public enum RecurrencyKind: OCPPEnumeration {
    case daily
    case weekly
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.daily, "Daily"),
        (.weekly, "Weekly"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Daily": .daily
        case "Weekly": .weekly
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .daily: "Daily"
        case .weekly: "Weekly"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
