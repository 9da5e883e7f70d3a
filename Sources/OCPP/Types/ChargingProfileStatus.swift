/// The answer to a SetChargingProfile.
public enum ChargingProfileStatus: OCPPEnumeration {
    case accepted
    case rejected
    case notSupported
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.notSupported, "NotSupported"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
