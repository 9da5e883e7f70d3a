import JSON

/// One OCPP-J RPC message: `[2,id,action,payload]`, `[3,id,payload]` or
/// `[4,id,code,description,details]`.
public enum OCPPFrame: Sendable, Hashable {
    /// A request; `action` is kept as text so that an unknown action can still be answered
    /// with `NotImplemented`.
    case call(uniqueId: String, action: String, payload: JSONObject)
    /// The answer to a CALL.
    case callResult(uniqueId: String, payload: JSONObject)
    /// The error answer to a CALL.
    case callError(uniqueId: String, code: OCPPErrorCode, description: String, details: JSONObject)

    /// The longest unique id OCPP-J 1.6 allows.
    public static let maximumUniqueIdLength = 36

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
