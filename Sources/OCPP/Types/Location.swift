/// Where a sampled value is measured.
public enum Location: OCPPEnumeration {
    case cable
    case ev
    case inlet
    case outlet
    case body
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.cable, "Cable"),
        (.ev, "EV"),
        (.inlet, "Inlet"),
        (.outlet, "Outlet"),
        (.body, "Body"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
