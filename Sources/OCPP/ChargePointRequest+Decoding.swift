import JSON

extension ChargePointRequest {
    /// Decodes the payload of a CALL a charger sent: the entry point for every incoming CALL.
    ///
    /// An action OCPP 1.6 does not define is refused with `NotImplemented`; one that only a
    /// central system sends (RemoteStartTransaction, ...) with `NotSupported`; a payload that
    /// breaks its schema with the matching constraint code and a description naming the field.
    /// In lenient mode the tolerated faults come back as warnings for the caller to log.
    public static func decode(
        action name: String, payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPCallError) -> OCPPDecoded<ChargePointRequest> {
        try OCPPCallError.decodeCall(
            action: name, accepts: { (action: OCPPAction) in action.isSentByChargePoint },
            otherSide: "a central system"
        ) { action throws(OCPPValidationError) in
            try decode(action, payload: payload, mode: mode)
        }
    }
}
