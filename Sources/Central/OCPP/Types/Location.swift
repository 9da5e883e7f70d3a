/// Where a sampled value is measured.
public enum Location: OCPPEnumeration {
    case cable
    case ev
    case inlet
    case outlet
    case body
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.cable, "Cable"),
        (.ev, "EV"),
        (.inlet, "Inlet"),
        (.outlet, "Outlet"),
        (.body, "Body"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Cable": .cable
        case "EV": .ev
        case "Inlet": .inlet
        case "Outlet": .outlet
        case "Body": .body
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .cable: "Cable"
        case .ev: "EV"
        case .inlet: "Inlet"
        case .outlet: "Outlet"
        case .body: "Body"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
