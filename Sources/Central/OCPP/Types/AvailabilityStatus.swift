/// The answer to a ChangeAvailability; `scheduled` waits for the transaction to end.
public enum AvailabilityStatus: OCPPEnumeration {
    case accepted
    case rejected
    case scheduled
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.scheduled, "Scheduled"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Rejected": .rejected
        case "Scheduled": .scheduled
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .scheduled: "Scheduled"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
