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
        try OCPP201CallError.decodeCall(
            action: name, accepts: { (action: OCPP201Action) in action.isSentByChargingStation },
            otherSide: "the CSMS"
        ) { action throws(OCPPValidationError) in
            try decode(action, payload: payload, mode: mode)
        }
    }
}
