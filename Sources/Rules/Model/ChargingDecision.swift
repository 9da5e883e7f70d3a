/// The charging family: whether the connector may draw power.
public enum ChargingDecision: String, Sendable, Equatable {
    case charge
    case pause
    /// No active rule has an opinion: left to the charger.
    case none
}
