import OCPP

extension Phase {
    /// The line conductor (1, 2 or 3) of a phase or line-to-neutral value; `nil` for the neutral,
    /// for line-to-line values and for a phase outside the standard.
    var line: Int? {
        switch self {
        case .l1, .l1N: 1
        case .l2, .l2N: 2
        case .l3, .l3N: 3
        case .n, .l1L2, .l2L3, .l3L1, .unrecognized: nil
        }
    }

    /// Whether the value is measured between two lines (a line-to-line voltage).
    var isLineToLine: Bool {
        switch self {
        case .l1L2, .l2L3, .l3L1: true
        default: false
        }
    }
}
