import JSON
import OCPP

extension OCPP201Action {
    /// Whether a charging station may send this action to the CSMS.
    public var isSentByChargingStation: Bool { initiator != .csms }

    /// Whether the CSMS may send this action to a charging station.
    public var isSentByCSMS: Bool { initiator != .chargingStation }

    /// The Swift type of the CALLRESULT payload.
    public var responseType: any OCPP201Payload.Type { requestType.responseType }

    /// Decodes a CALL payload of this action into its request type.
    public func decodeRequest(
        _ payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPP201Request> {
        try Self.decodeRequest(requestType, payload, mode)
    }

    /// Decodes a CALLRESULT payload answering this action into its response type
    /// (`SetChargingProfileResponse` for `.setChargingProfile`, ...).
    public func decodeResponse(
        _ payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPP201Payload> {
        try Self.decodeResponse(responseType, payload, mode)
    }

    private static func decodeRequest<Request: OCPP201Request>(
        _ type: Request.Type, _ payload: JSONObject, _ mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPP201Request> {
        try Request.decode(payload, mode: mode).map { $0 }
    }

    private static func decodeResponse<Payload: OCPP201Payload>(
        _ type: Payload.Type, _ payload: JSONObject, _ mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPP201Payload> {
        try Payload.decode(payload, mode: mode).map { $0 }
    }
}
