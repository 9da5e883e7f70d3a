import OCPP

/// The error codes of an OCPP 2.0.1 CALLERROR, in the order and spelling of OCPP-J 2.0.1 (Part 4,
/// section 4.3, "Valid Error Codes").
///
/// Against OCPP-J 1.6 (`OCPPErrorCode`), 2.0.1 renamed `FormationViolation` to `FormatViolation`,
/// corrected `OccurenceConstraintViolation` to `OccurrenceConstraintViolation`, and added
/// `MessageTypeNotSupported` and `RpcFrameworkError` for the RPC framing itself.
public enum OCPP201ErrorCode: String, Sendable, Hashable, CaseIterable {
    /// The payload for the action is syntactically incorrect.
    case formatViolation = "FormatViolation"
    /// Any other error not covered by the more specific codes.
    case genericError = "GenericError"
    /// An internal error occurred and the receiver could not process the action.
    case internalError = "InternalError"
    /// A message with a message type number the receiver does not support.
    case messageTypeNotSupported = "MessageTypeNotSupported"
    /// The requested action is not known by the receiver.
    case notImplemented = "NotImplemented"
    /// The requested action is recognised but not supported by the receiver.
    case notSupported = "NotSupported"
    /// The payload is syntactically correct but a field violates occurrence constraints.
    case occurrenceConstraintViolation = "OccurrenceConstraintViolation"
    /// The payload is syntactically correct but a field contains an invalid value.
    case propertyConstraintViolation = "PropertyConstraintViolation"
    /// The payload for the action does not conform to the PDU structure.
    case protocolError = "ProtocolError"
    /// The content of the call is not a valid RPC request (its message id could not be read, ...).
    case rpcFrameworkError = "RpcFrameworkError"
    /// A security issue prevented the receiver from completing the action.
    case securityError = "SecurityError"
    /// The payload is syntactically correct but a field violates data type constraints.
    case typeConstraintViolation = "TypeConstraintViolation"
}
