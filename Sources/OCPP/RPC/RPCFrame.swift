import JSON

/// One OCPP-J RPC message: `[2,id,action,payload]`, `[3,id,payload]` or
/// `[4,id,code,description,details]`, with the CALLERROR codes of one version (`OCPPFrame` for
/// 1.6, `OCPP201Frame` for 2.0.1): the framing is the same in both.
public enum RPCFrame<Code: RPCErrorCode>: Sendable, Hashable {
    /// A request; `action` is kept as text so that an unknown action can still be answered
    /// with `NotImplemented`.
    case call(uniqueId: String, action: String, payload: JSONObject)
    /// The answer to a CALL.
    case callResult(uniqueId: String, payload: JSONObject)
    /// The error answer to a CALL.
    case callError(uniqueId: String, code: Code, description: String, details: JSONObject)

    /// The longest unique id OCPP-J allows (36 characters in 1.6 and in 2.0.1).
    public static var maximumUniqueIdLength: Int { 36 }

    /// The unique id that pairs a CALL with its answer.
    public var uniqueId: String {
        switch self {
        case .call(let uniqueId, _, _), .callResult(let uniqueId, _), .callError(let uniqueId, _, _, _): uniqueId
        }
    }

    /// The message type number of this frame.
    public var messageType: OCPPMessageType {
        switch self {
        case .call: .call
        case .callResult: .callResult
        case .callError: .callError
        }
    }
}
