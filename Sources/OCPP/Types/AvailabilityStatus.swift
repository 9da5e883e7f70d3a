/// The answer to a ChangeAvailability; `scheduled` waits for the transaction to end.
public enum AvailabilityStatus: OCPPEnumeration {
    case accepted
    case rejected
    case scheduled
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.scheduled, "Scheduled"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
