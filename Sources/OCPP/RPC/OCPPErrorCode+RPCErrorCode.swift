extension OCPPErrorCode: RPCErrorCode {
    /// The violation's own code: `OCPPValidationError` speaks OCPP-J 1.6.
    public init(_ violation: OCPPValidationError) {
        self = violation.code
    }

    /// OCPP-J 1.6 (section 4.2.3) has no code for the RPC framing itself: a malformed frame is a
    /// `FormationViolation` ("syntactically incorrect or not conform the PDU structure"), an
    /// unknown message type a `ProtocolError`.
    public static func answering(_ fault: RPCFrameFault) -> OCPPErrorCode {
        switch fault {
        case .malformed: .formationViolation
        case .unknownMessageType: .protocolError
        }
    }

    /// OCPP-J 1.6 sets no limit on a CALLERROR description.
    public static var maximumDescriptionLength: Int? { nil }
}
