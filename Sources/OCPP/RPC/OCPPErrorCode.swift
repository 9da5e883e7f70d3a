/// The error codes of a CALLERROR, spelled as OCPP-J 1.6 spells them.
///
/// `FormationViolation` and `OccurenceConstraintViolation` are the standard's own spellings;
/// chargers and central systems match on the exact text, so they must not be "corrected".
public enum OCPPErrorCode: String, Sendable, Hashable, CaseIterable {
    /// The requested action is not known by the receiver.
    case notImplemented = "NotImplemented"
    /// The requested action is recognised but not supported by the receiver.
    case notSupported = "NotSupported"
    /// An internal error occurred and the receiver could not process the action.
    case internalError = "InternalError"
    /// The payload for the action is incomplete.
    case protocolError = "ProtocolError"
    /// A security issue prevented the receiver from completing the action.
    case securityError = "SecurityError"
    /// The payload is syntactically incorrect or does not conform to the PDU structure.
    case formationViolation = "FormationViolation"
    /// The payload is syntactically correct but a field contains an invalid value.
    case propertyConstraintViolation = "PropertyConstraintViolation"
    /// The payload is syntactically correct but a field violates occurrence constraints.
    case occurenceConstraintViolation = "OccurenceConstraintViolation"
    /// The payload is syntactically correct but a field violates data type constraints.
    case typeConstraintViolation = "TypeConstraintViolation"
    /// Any other error.
    case genericError = "GenericError"

    /// Reads the code of a CALLERROR received from a peer.
    ///
    /// Peers in the field also send the corrected spelling `OccurrenceConstraintViolation` and
    /// the OCPP 2.0 name `FormatViolation`; they mean the same thing, so they map to the 1.6
    /// codes. Anything else becomes `GenericError`, the code the standard reserves for "other".
    public init(received text: String) {
        if let code = OCPPErrorCode(rawValue: text) {
            self = code
            return
        }
        switch text {
        case "OccurrenceConstraintViolation": self = .occurenceConstraintViolation
        case "FormatViolation": self = .formationViolation
        default: self = .genericError
        }
    }
}
