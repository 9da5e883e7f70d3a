/// Why a connector is paused.
public enum PauseReason: String, Sendable, Equatable {
    /// A `pause` rule won the charging family.
    case rule
    /// The limit came out below the charger's `minCurrent`.
    case belowMinimum
    /// A `share` budget could not give every connector its minimum, and this one had charged longest.
    case shareBudget
}
