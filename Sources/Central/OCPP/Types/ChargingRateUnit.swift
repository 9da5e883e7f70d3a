/// The unit of a charging schedule's limits: amperes or watts.
public enum ChargingRateUnit: OCPPEnumeration {
    case amperes
    case watts
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.amperes, "A"),
        (.watts, "W"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "A": .amperes
        case "W": .watts
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .amperes: "A"
        case .watts: "W"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
