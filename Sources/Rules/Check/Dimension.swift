/// What a value measures. Every expression has one, found before any rule runs.
enum Dimension: String, Equatable, Sendable {
    case current, power, voltage, energy, percent, duration, number, boolean

    /// The dimension of `lhs * rhs`, or nil when the product means nothing here.
    static func product(_ lhs: Dimension, _ rhs: Dimension) -> Dimension? {
        switch (lhs, rhs) {
        case (.boolean, _), (_, .boolean): return nil
        case (.number, let other), (let other, .number): return other
        case (.current, .voltage), (.voltage, .current): return .power
        case (.power, .duration), (.duration, .power): return .energy
        default: return nil
        }
    }

    /// The dimension of `lhs / rhs`, or nil when the quotient means nothing here.
    static func quotient(_ lhs: Dimension, _ rhs: Dimension) -> Dimension? {
        switch (lhs, rhs) {
        case (.boolean, _), (_, .boolean): return nil
        case (let other, .number): return other
        case (.power, .voltage): return .current
        case (.power, .current): return .voltage
        case (.energy, .duration): return .power
        case (.energy, .power): return .duration
        default: return lhs == rhs ? .number : nil
        }
    }

    /// The dimension and factor to base units (A, W, V, Wh, %) of a unit as written.
    static func of(unit: String) -> (Dimension, Double) {
        switch unit {
        case "A": return (.current, 1)
        case "W": return (.power, 1)
        case "kW": return (.power, 1000)
        case "V": return (.voltage, 1)
        case "Wh": return (.energy, 1)
        case "kWh": return (.energy, 1000)
        default: return (.percent, 1)
        }
    }
}
