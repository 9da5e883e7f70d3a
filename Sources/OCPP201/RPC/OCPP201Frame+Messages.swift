import OCPP

extension OCPP201Frame {
    /// A CALL carrying a typed 2.0.1 request.
    public static func call<Request: OCPP201Request>(uniqueId: String, _ request: Request) -> OCPP201Frame {
        .call(uniqueId: uniqueId, action: Request.action.rawValue, payload: request.jsonObject)
    }

    /// A CALLRESULT carrying a typed 2.0.1 response.
    public static func callResult(uniqueId: String, _ response: some OCPP201Payload) -> OCPP201Frame {
        .callResult(uniqueId: uniqueId, payload: response.jsonObject)
    }
}
