import JSON

/// One OCPP call the policy wants sent now.
public struct PolicyCommand: Sendable, Hashable {
    public var action: CommandAction
    /// The CALL payload.
    public var payload: JSONObject
    /// The connector the command serves (a ChargePointMaxProfile goes to connector 0 but serves
    /// this connector).
    public var connectorId: Int
    public var family: CommandFamily
    public var reason: CommandReason
    /// The profile purpose for SetChargingProfile and ClearChargingProfile.
    public var purpose: ProfilePurpose?
    /// Identifies the attempt; an outcome for an older attempt is ignored.
    public var sequence: Int

    public init(
        action: CommandAction, payload: JSONObject, connectorId: Int, family: CommandFamily,
        reason: CommandReason, purpose: ProfilePurpose? = nil, sequence: Int
    ) {
        self.action = action
        self.payload = payload
        self.connectorId = connectorId
        self.family = family
        self.reason = reason
        self.purpose = purpose
        self.sequence = sequence
    }
}
