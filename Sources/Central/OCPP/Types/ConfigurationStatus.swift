/// The answer to a ChangeConfiguration.
public enum ConfigurationStatus: OCPPEnumeration {
    case accepted
    case rejected
    case rebootRequired
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.rebootRequired, "RebootRequired"),
        (.notSupported, "NotSupported"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Rejected": .rejected
        case "RebootRequired": .rebootRequired
        case "NotSupported": .notSupported
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .rebootRequired: "RebootRequired"
        case .notSupported: "NotSupported"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
