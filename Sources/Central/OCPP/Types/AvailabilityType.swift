/// The availability a ChangeAvailability asks for.
public enum AvailabilityType: OCPPEnumeration {
    case inoperative
    case operative
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.inoperative, "Inoperative"),
        (.operative, "Operative"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Inoperative": .inoperative
        case "Operative": .operative
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .inoperative: "Inoperative"
        case .operative: "Operative"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
