/// What happens at the central system, for observers such as the scheduler.
public enum CentralEvent: Sendable {
    case connected(ChargePointSessionInfo, replacedEarlierConnection: Bool)
    case disconnected(chargerId: String)
    /// A charger's CALL, after it was handed to the `IncomingCallHandler`.
    case request(IncomingCall)
}
