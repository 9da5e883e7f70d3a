/// The phase (or phases) a sampled value belongs to.
public enum Phase: OCPPEnumeration {
    case l1
    case l2
    case l3
    case n
    case l1N
    case l2N
    case l3N
    case l1L2
    case l2L3
    case l3L1
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.l1, "L1"),
        (.l2, "L2"),
        (.l3, "L3"),
        (.n, "N"),
        (.l1N, "L1-N"),
        (.l2N, "L2-N"),
        (.l3N, "L3-N"),
        (.l1L2, "L1-L2"),
        (.l2L3, "L2-L3"),
        (.l3L1, "L3-L1"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
