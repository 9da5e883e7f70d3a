/// How a charging schedule's start is determined.
public enum ChargingProfileKind: OCPPEnumeration {
    case absolute
    case recurring
    case relative
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.absolute, "Absolute"),
        (.recurring, "Recurring"),
        (.relative, "Relative"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Absolute": .absolute
        case "Recurring": .recurring
        case "Relative": .relative
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .absolute: "Absolute"
        case .recurring: "Recurring"
        case .relative: "Relative"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
