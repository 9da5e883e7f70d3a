/// The availability a ChangeAvailability asks for.
public enum AvailabilityType: OCPPEnumeration {
    case inoperative
    case operative
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.inoperative, "Inoperative"),
        (.operative, "Operative"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
