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
        guard let action = OCPPAction(rawValue: name) else {
            throw OCPPCallError(code: .notImplemented, message: "unknown action \"\(name)\"")
        }
        guard action.isSentByCentralSystem else {
            throw OCPPCallError(code: .notSupported, message: "\(name) is sent by a charge point, not to it")
        }
        let decoded: OCPPDecoded<CentralSystemRequest>?
        do {
            decoded = try decode(action, payload: payload, mode: .strict)
        } catch {
            throw OCPPCallError(error)
        }
        guard let decoded else {
            throw OCPPCallError(code: .internalError, message: "\(name) has no decoder")
        }
        return decoded.value
    }
}
