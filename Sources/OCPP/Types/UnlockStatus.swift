/// The answer to an UnlockConnector.
public enum UnlockStatus: OCPPEnumeration {
    case unlocked
    case unlockFailed
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.unlocked, "Unlocked"),
        (.unlockFailed, "UnlockFailed"),
        (.notSupported, "NotSupported"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
