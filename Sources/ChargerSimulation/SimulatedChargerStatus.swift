/// What a simulated charger is doing, for the house simulation, tests and benchmarks.
public struct SimulatedChargerStatus: Sendable, Equatable {
    public var connected = false
    /// The open transaction, if a car charges.
    public var transactionId: Int?
    /// The current the charging profiles offer now (A per phase), `nil` without a profile.
    public var offeredAmps: Double?
    /// What the car draws now, W.
    public var powerWatts = 0.0
    /// SetChargingProfile requests answered Accepted.
    public var acceptedProfiles = 0
    /// Sessions started (StartTransaction confirmed).
    public var sessionsStarted = 0

    public init() {}
}
