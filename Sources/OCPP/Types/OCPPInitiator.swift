/// Which side of an OCPP connection sends the CALL of an action.
public enum OCPPInitiator: Sendable, Hashable {
    case chargePoint
    case centralSystem
    /// DataTransfer goes both ways.
    case either
}
