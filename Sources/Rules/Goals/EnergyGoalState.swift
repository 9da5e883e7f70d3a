/// What an energy goal does now (SPEC §10, docs/prices.md); the raw value is what the API and
/// the decisions show.
public enum EnergyGoalState: String, Sendable, Equatable, CaseIterable {
    /// No session open on the connector: the goal waits for one and decides nothing.
    case waitingForSession
    /// Now is one of the planned quarter hours: charging at full power.
    case charging
    /// Now is not one of the planned quarter hours: paused.
    case waiting
    /// `solar` strategy: charging from the surplus.
    case solar
    /// The session holds the energy: paused (a `solar` goal still takes the surplus).
    case met
    /// The quarter hours left cannot deliver what is missing at the achievable power: charging at
    /// full power.
    case cannotBeMet
    /// Too few of the quarter hours left have a price to plan what is missing: charging at full
    /// power.
    case pricesMissing

    /// How a decision and `ampwise why` say it.
    public var phrase: String {
        switch self {
        case .waitingForSession: "waiting for a session"
        case .charging: "in a planned slot"
        case .waiting: "waiting for a planned slot"
        case .solar: "charging from the solar surplus"
        case .met: "met"
        case .cannotBeMet: "cannot be met any more, charging at full power"
        case .pricesMissing: "too few prices known to plan, charging at full power"
        }
    }
}
