import ChargingModel

/// What the limit family wants the charger to hold.
enum LimitTarget: Sendable, Hashable {
    /// A profile of this many amperes on `phases` (`nil`: all the charger's); a new transaction
    /// starts a new attempt (TxProfile needs it).
    case profile(amps: Double, phases: Int?, transactionId: Int?)
    /// Clear Ampwise's own profile.
    case withdraw(profileId: Int, purpose: ProfilePurpose)
}
