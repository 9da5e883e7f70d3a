/// The answer to a SetChargingProfile.
public enum ChargingProfileStatus: OCPPEnumeration {
    case accepted
    case rejected
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.notSupported, "NotSupported"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Rejected": .rejected
        case "NotSupported": .notSupported
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .notSupported: "NotSupported"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
