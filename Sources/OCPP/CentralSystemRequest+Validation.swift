import JSON

extension CentralSystemRequest {
    /// Validates a payload for a CALL the central system is about to send (the API's generic
    /// `call` endpoint), always in strict mode: what goes to a charger must match the schema.
    ///
    /// Errors: `NotImplemented` for an action OCPP 1.6 does not define, `NotSupported` for one
    /// that only chargers send, else the schema violation naming the field.
    public static func validate(
        action name: String, payload: JSONObject
    ) throws(OCPPCallError) -> CentralSystemRequest {
        try OCPPCallError.decodeCall(
            action: name, accepts: { (action: OCPPAction) in action.isSentByCentralSystem },
            otherSide: "a charge point"
        ) { action throws(OCPPValidationError) in
            try decode(action, payload: payload, mode: .strict)
        }.value
    }
}
