/// The answer to a ClearChargingProfile.
public enum ClearChargingProfileStatus: OCPPEnumeration {
    case accepted
    case unknown
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.unknown, "Unknown"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
