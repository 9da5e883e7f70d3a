/// A command Ampwise gives a charger, in the words every OCPP version shares.
///
/// The scheduler and the API decide in these terms; charge point management turns each into the
/// charger's own protocol message once, in one place (docs/architecture.md, "Commands").
public enum ChargerCommand: Sendable, Hashable {
    /// Hold a connector at a limit with a charging profile (a 0 limit pauses it).
    case setLimit(ChargingLimit)
    /// Withdraw one of Ampwise's own charging profiles, by id: never a broad clear that would also
    /// remove profiles someone else set.
    case clearLimit(connectorId: Int, profileId: Int, purpose: ProfilePurpose)
    /// Start a session on a connector (OCPP 1.6 RemoteStartTransaction).
    case startTransaction(connectorId: Int, idTag: String)
    /// Stop a session (OCPP 1.6 RemoteStopTransaction).
    case stopTransaction(transactionId: Int)
    /// Make a connector (0: the whole charger) available or not.
    case changeAvailability(connectorId: Int, available: Bool)

    /// The connector the command is about.
    public var connectorId: Int? {
        switch self {
        case .setLimit(let limit): limit.connectorId
        case .clearLimit(let connectorId, _, _): connectorId
        case .startTransaction(let connectorId, _): connectorId
        case .stopTransaction: nil
        case .changeAvailability(let connectorId, _): connectorId
        }
    }
}
