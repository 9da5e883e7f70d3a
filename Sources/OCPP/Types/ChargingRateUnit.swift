/// The unit of a charging schedule's limits: amperes or watts.
public enum ChargingRateUnit: OCPPEnumeration {
    case amperes
    case watts
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.amperes, "A"),
        (.watts, "W"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
