/// The answer to an UnlockConnector.
public enum UnlockStatus: OCPPEnumeration {
    case unlocked
    case unlockFailed
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.unlocked, "Unlocked"),
        (.unlockFailed, "UnlockFailed"),
        (.notSupported, "NotSupported"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Unlocked": .unlocked
        case "UnlockFailed": .unlockFailed
        case "NotSupported": .notSupported
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .unlocked: "Unlocked"
        case .unlockFailed: "UnlockFailed"
        case .notSupported: "NotSupported"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
