import OCPP

extension OCPP201ErrorCode: RPCErrorCode {
    /// Reads the code of a CALLERROR received from a charging station. Firmware that grew from a
    /// 1.6 code base still sends `FormationViolation` and `OccurenceConstraintViolation`; they
    /// mean the 2.0.1 codes they were renamed to. Anything else is `GenericError`.
    public init(received text: String) {
        if let code = OCPP201ErrorCode(rawValue: text) {
            self = code
            return
        }
        switch text {
        case "FormationViolation": self = .formatViolation
        case "OccurenceConstraintViolation": self = .occurrenceConstraintViolation
        default: self = .genericError
        }
    }

    /// The 2.0.1 code for the kind of violation (`OCPPValidationError` names it with the 1.6 code):
    /// a missing property or a wrong number of items is an `OccurrenceConstraintViolation`, a
    /// value of the wrong JSON type a `TypeConstraintViolation`, a value the schema does not allow
    /// a `PropertyConstraintViolation`, and a property the schema does not define a
    /// `FormatViolation`, the code 2.0.1 renamed 1.6's `FormationViolation` to.
    public init(_ violation: OCPPValidationError) {
        switch violation.code {
        case .formationViolation: self = .formatViolation
        case .occurenceConstraintViolation: self = .occurrenceConstraintViolation
        case .notImplemented: self = .notImplemented
        case .notSupported: self = .notSupported
        case .internalError: self = .internalError
        case .protocolError: self = .protocolError
        case .securityError: self = .securityError
        case .propertyConstraintViolation: self = .propertyConstraintViolation
        case .typeConstraintViolation: self = .typeConstraintViolation
        case .genericError: self = .genericError
        }
    }

    /// 2.0.1 has codes of its own for the framing (Part 4, section 4.3): a frame that is not a
    /// valid RPC message (not JSON, the wrong shape, an id that cannot be read) is an
    /// `RpcFrameworkError`; a message type number other than 2, 3 and 4 a `MessageTypeNotSupported`
    /// (2.0.1's section 4.4, "extension fallback": a peer speaking a later version learns that
    /// this one does not know the message type). Later errata to 2.0.1 deprecate
    /// `MessageTypeNotSupported` and ask for such a message to be ignored instead; this follows
    /// the published 2.0.1 text until a decision is made.
    public static func answering(_ fault: RPCFrameFault) -> OCPP201ErrorCode {
        switch fault {
        case .malformed: .rpcFrameworkError
        case .unknownMessageType: .messageTypeNotSupported
        }
    }

    /// OCPP-J 2.0.1 (Part 4, section 4.2.3) limits a CALLERROR's description to 255 characters.
    public static var maximumDescriptionLength: Int? { 255 }
}
