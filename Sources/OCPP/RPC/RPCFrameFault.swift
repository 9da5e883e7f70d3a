/// Why a text message is not a well-formed OCPP-J frame, in terms every version shares; each
/// version answers a fault with a code of its own (`RPCErrorCode.answering(_:)`).
public enum RPCFrameFault: Sendable, Hashable {
    /// Not JSON, or JSON without the shape of a CALL, CALLRESULT or CALLERROR (not an array, a
    /// wrong number of elements, an id, action, payload or error of the wrong type, an empty or
    /// over-long id).
    case malformed
    /// A message type number other than 2, 3 and 4.
    case unknownMessageType
}
