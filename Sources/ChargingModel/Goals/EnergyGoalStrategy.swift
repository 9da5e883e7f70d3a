/// How an energy goal gets its energy (SPEC §10, docs/prices.md).
public enum EnergyGoalStrategy: String, Sendable, Equatable, CaseIterable {
    /// In the cheapest quarter hours before the deadline.
    case cheapest
    /// From the solar surplus whenever there is enough of it, and in the cheapest quarter hours
    /// for what is still missing.
    case solar
}
