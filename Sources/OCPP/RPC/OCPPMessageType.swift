/// The message type number that opens every OCPP-J frame.
public enum OCPPMessageType: Int, Sendable, Hashable {
    case call = 2
    case callResult = 3
    case callError = 4
}
