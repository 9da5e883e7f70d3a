import JSON
import OCPP

extension CSMSRequest {
    /// Validates a payload for a CALL the CSMS is about to send (the API's generic `call`
    /// endpoint), always in strict mode: what goes to a charging station must match the schema.
    ///
    /// Errors: `NotImplemented` for an action OCPP 2.0.1 does not define, `NotSupported` for one
    /// that only charging stations send, else the schema violation naming the field.
    public static func validate(
        action name: String, payload: JSONObject
    ) throws(OCPP201CallError) -> CSMSRequest {
        try OCPP201CallError.decodeCall(
            action: name, accepts: { (action: OCPP201Action) in action.isSentByCSMS },
            otherSide: "a charging station"
        ) { action throws(OCPPValidationError) in
            try decode(action, payload: payload, mode: .strict)
        }.value
    }
}
