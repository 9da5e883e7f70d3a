/// The unit of a charging limit on the wire (`chargingRateUnit`).
public enum LimitUnit: String, Sendable, Hashable {
    case amps = "A"
    case watts = "W"
}
