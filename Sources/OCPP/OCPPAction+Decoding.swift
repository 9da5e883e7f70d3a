import JSON

extension OCPPAction {
    /// The Swift type of the CALLRESULT payload.
    public var confirmationType: any OCPPPayload.Type { requestType.confirmationType }

    /// Decodes a CALL payload of this action into its request type.
    public func decodeRequest(
        _ payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPPRequest> {
        try Self.decodeRequest(requestType, payload, mode)
    }

    /// Decodes a CALLRESULT payload answering this action into its confirmation type
    /// (`SetChargingProfileConfirmation` for `.setChargingProfile`, ...).
    public func decodeConfirmation(
        _ payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPPPayload> {
        try Self.decodePayload(confirmationType, payload, mode)
    }

    private static func decodeRequest<Request: OCPPRequest>(
        _ type: Request.Type, _ payload: JSONObject, _ mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPPRequest> {
        let decoded = try Request.decode(payload, mode: mode)
        return OCPPDecoded(value: decoded.value, warnings: decoded.warnings)
    }

    private static func decodePayload<Payload: OCPPPayload>(
        _ type: Payload.Type, _ payload: JSONObject, _ mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPPPayload> {
        let decoded = try Payload.decode(payload, mode: mode)
        return OCPPDecoded(value: decoded.value, warnings: decoded.warnings)
    }
}
