/// Whether a SendLocalList replaces the list or changes it.
public enum UpdateType: OCPPEnumeration {
    case differential
    case full
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.differential, "Differential"),
        (.full, "Full"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Differential": .differential
        case "Full": .full
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .differential: "Differential"
        case .full: "Full"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
