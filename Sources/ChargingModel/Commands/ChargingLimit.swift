import Foundation

/// A limit Ampwise holds a connector at with a charging profile: 0 pauses it.
///
/// The policy chooses everything a profile needs (purpose, id, stack level, unit); each protocol's
/// edge writes it as that protocol's SetChargingProfile (docs/command-policy.md).
public struct ChargingLimit: Sendable, Hashable {
    /// The connector the limit is for. A charger-wide purpose (`chargePointMaxProfile`) is sent
    /// to the charger as a whole but still serves this connector.
    public var connectorId: Int
    public var purpose: ProfilePurpose
    /// Fixed per purpose and connector, so that each new profile replaces the last.
    public var profileId: Int
    public var stackLevel: Int
    public var unit: LimitUnit
    /// In `unit`, with one decimal.
    public var value: Double
    /// The phases the limit is meant for: the charger's, or on a charger with `phaseSwitching` the
    /// phases the rules chose (1 or 3). Each protocol's edge writes it as its `numberPhases`.
    public var phases: Int
    /// The open transaction, for a `txProfile`.
    public var transactionId: Int?
    /// When a charger-wide limit starts to apply: a moment in the past, so that it is in force at
    /// once even on a charger whose clock is behind.
    public var startsAt: Date?

    public init(
        connectorId: Int, purpose: ProfilePurpose, profileId: Int, stackLevel: Int, unit: LimitUnit,
        value: Double, phases: Int, transactionId: Int? = nil, startsAt: Date? = nil
    ) {
        self.connectorId = connectorId
        self.purpose = purpose
        self.profileId = profileId
        self.stackLevel = stackLevel
        self.unit = unit
        self.value = value
        self.phases = phases
        self.transactionId = transactionId
        self.startsAt = startsAt
    }
}
