/// The answer to a ReserveNow.
public enum ReservationStatus: OCPPEnumeration {
    case accepted
    case faulted
    case occupied
    case rejected
    case unavailable
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.faulted, "Faulted"),
        (.occupied, "Occupied"),
        (.rejected, "Rejected"),
        (.unavailable, "Unavailable"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
