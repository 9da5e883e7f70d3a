/// The kind of reset a Reset asks for.
public enum ResetType: OCPPEnumeration {
    case hard
    case soft
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.hard, "Hard"),
        (.soft, "Soft"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Hard": .hard
        case "Soft": .soft
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .hard: "Hard"
        case .soft: "Soft"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
