/// The answer to a ReserveNow.
public enum ReservationStatus: OCPPEnumeration {
    case accepted
    case faulted
    case occupied
    case rejected
    case unavailable
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.faulted, "Faulted"),
        (.occupied, "Occupied"),
        (.rejected, "Rejected"),
        (.unavailable, "Unavailable"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Faulted": .faulted
        case "Occupied": .occupied
        case "Rejected": .rejected
        case "Unavailable": .unavailable
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .faulted: "Faulted"
        case .occupied: "Occupied"
        case .rejected: "Rejected"
        case .unavailable: "Unavailable"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
