extension OCPPFrame {
    /// A CALL carrying a typed request.
    public static func call<Request: OCPPRequest>(uniqueId: String, _ request: Request) -> OCPPFrame {
        .call(uniqueId: uniqueId, action: Request.action.rawValue, payload: request.jsonObject)
    }

    /// A CALLRESULT carrying a typed confirmation.
    public static func callResult(uniqueId: String, _ confirmation: some OCPPPayload) -> OCPPFrame {
        .callResult(uniqueId: uniqueId, payload: confirmation.jsonObject)
    }
}
