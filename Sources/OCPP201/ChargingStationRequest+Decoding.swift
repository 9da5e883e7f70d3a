import JSON
import OCPP

extension ChargingStationRequest {
    /// Decodes the payload of a CALL a charging station sent: the entry point for every incoming
    /// 2.0.1 CALL.
    ///
    /// An action OCPP 2.0.1 does not define is refused with `NotImplemented`; one that only the
    /// CSMS sends (RequestStartTransaction, ...) with `NotSupported`; a payload that breaks its
    /// schema with the matching 2.0.1 code (`OCPP201ErrorCode.init(_:)`) and a description naming
    /// the field. In lenient mode the tolerated faults come back as warnings for the caller to log.
    public static func decode(
        action name: String, payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPP201CallError) -> OCPPDecoded<ChargingStationRequest> {
        guard let action = OCPP201Action(rawValue: name) else {
            throw OCPP201CallError(code: .notImplemented, message: "unknown action \"\(name)\"")
        }
        guard action.isSentByChargingStation else {
            throw OCPP201CallError(code: .notSupported, message: "\(name) is sent by the CSMS, not to it")
        }
        let decoded: OCPPDecoded<ChargingStationRequest>?
        do {
            decoded = try decode(action, payload: payload, mode: mode)
        } catch {
            throw OCPP201CallError(error)
        }
        guard let decoded else {
            // Unreachable while every charging station action has a case; kept total on purpose.
            throw OCPP201CallError(code: .internalError, message: "\(name) has no decoder")
        }
        return decoded
    }
}
