/// The phases a connector of a phase-switching charger is held on, and its last switch: kept in
/// `TemporalState` between evaluations, so that `scheduler.phaseSwitchInterval` is kept.
struct PhaseMemory: Sendable, Equatable {
    var phases: Int
    /// `nil` until the first switch since Ampwise started: that one may happen at once.
    var lastSwitch: PhaseSwitch?
}
