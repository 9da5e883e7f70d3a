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
        guard let action = OCPP201Action(rawValue: name) else {
            throw OCPP201CallError(code: .notImplemented, message: "unknown action \"\(name)\"")
        }
        guard action.isSentByCSMS else {
            throw OCPP201CallError(code: .notSupported, message: "\(name) is sent by a charging station, not to it")
        }
        let decoded: OCPPDecoded<CSMSRequest>?
        do {
            decoded = try decode(action, payload: payload, mode: .strict)
        } catch {
            throw OCPP201CallError(error)
        }
        guard let decoded else {
            throw OCPP201CallError(code: .internalError, message: "\(name) has no decoder")
        }
        return decoded.value
    }
}
