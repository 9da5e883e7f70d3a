import ChargingModel

/// What recording an outcome tells the caller.
public struct CommandFeedback: Sendable, Hashable {
    /// The outcome belonged to the pending attempt (a stale outcome changes nothing).
    public var wasCurrent: Bool
    /// A charging profile was accepted with this purpose: remember it for the charger.
    public var workingPurpose: ProfilePurpose?
    /// Another command (the next profile purpose) is due at once: call `commands` again.
    public var followUpDue: Bool

    public init(wasCurrent: Bool, workingPurpose: ProfilePurpose? = nil, followUpDue: Bool = false) {
        self.wasCurrent = wasCurrent
        self.workingPurpose = workingPurpose
        self.followUpDue = followUpDue
    }
}
