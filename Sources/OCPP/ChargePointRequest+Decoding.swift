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
        guard let action = OCPPAction(rawValue: name) else {
            throw OCPPCallError(code: .notImplemented, message: "unknown action \"\(name)\"")
        }
        guard action.isSentByChargePoint else {
            throw OCPPCallError(
                code: .notSupported, message: "\(name) is sent by a central system, not to it")
        }
        let decoded: OCPPDecoded<ChargePointRequest>?
        do {
            decoded = try decode(action, payload: payload, mode: mode)
        } catch {
            throw OCPPCallError(error)
        }
        guard let decoded else {
            // Unreachable while every charge-point action has a case; kept total on purpose.
            throw OCPPCallError(code: .internalError, message: "\(name) has no decoder")
        }
        return decoded
    }
}
