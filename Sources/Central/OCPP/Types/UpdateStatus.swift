/// The answer to a SendLocalList.
public enum UpdateStatus: OCPPEnumeration {
    case accepted
    case failed
    case notSupported
    case versionMismatch
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.failed, "Failed"),
        (.notSupported, "NotSupported"),
        (.versionMismatch, "VersionMismatch"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Failed": .failed
        case "NotSupported": .notSupported
        case "VersionMismatch": .versionMismatch
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .failed: "Failed"
        case .notSupported: "NotSupported"
        case .versionMismatch: "VersionMismatch"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
