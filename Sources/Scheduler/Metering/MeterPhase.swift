/// The phase a sampled value was measured on (OCPP 1.6 `SampledValue.phase`).
public enum MeterPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case l1 = "L1"
    case l2 = "L2"
    case l3 = "L3"
    case neutral = "N"
    case l1ToNeutral = "L1-N"
    case l2ToNeutral = "L2-N"
    case l3ToNeutral = "L3-N"
    case l1ToL2 = "L1-L2"
    case l2ToL3 = "L2-L3"
    case l3ToL1 = "L3-L1"

    /// The line conductor (1, 2 or 3) of a phase or line-to-neutral value; `nil` for the neutral
    /// and for line-to-line values.
    public var line: Int? {
        switch self {
        case .l1, .l1ToNeutral: 1
        case .l2, .l2ToNeutral: 2
        case .l3, .l3ToNeutral: 3
        case .neutral, .l1ToL2, .l2ToL3, .l3ToL1: nil
        }
    }

    /// Whether the value is measured between two lines (a line-to-line voltage).
    public var isLineToLine: Bool {
        switch self {
        case .l1ToL2, .l2ToL3, .l3ToL1: true
        default: false
        }
    }
}
