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

    public static let spellings: [(value: Self, spelling: String)] = [
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

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "L1": .l1
        case "L2": .l2
        case "L3": .l3
        case "N": .n
        case "L1-N": .l1N
        case "L2-N": .l2N
        case "L3-N": .l3N
        case "L1-L2": .l1L2
        case "L2-L3": .l2L3
        case "L3-L1": .l3L1
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .l1: "L1"
        case .l2: "L2"
        case .l3: "L3"
        case .n: "N"
        case .l1N: "L1-N"
        case .l2N: "L2-N"
        case .l3N: "L3-N"
        case .l1L2: "L1-L2"
        case .l2L3: "L2-L3"
        case .l3L1: "L3-L1"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
