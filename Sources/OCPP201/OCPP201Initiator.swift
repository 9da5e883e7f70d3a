/// Which side of an OCPP 2.0.1 connection sends the CALL of an action.
public enum OCPP201Initiator: Sendable, Hashable {
    case chargingStation
    case csms
    /// DataTransfer goes both ways.
    case either
}
