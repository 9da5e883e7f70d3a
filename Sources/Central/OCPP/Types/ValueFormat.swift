/// Whether a sampled value is plain or signed data.
public enum ValueFormat: OCPPEnumeration {
    case raw
    case signedData
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.raw, "Raw"),
        (.signedData, "SignedData"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Raw": .raw
        case "SignedData": .signedData
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .raw: "Raw"
        case .signedData: "SignedData"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
