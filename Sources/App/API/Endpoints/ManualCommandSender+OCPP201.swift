import ChargingModel
import HTTP
import JSON
import OCPP201

extension ManualCommandSender {
    /// Whether a command to this charger is OCPP 2.0.1: the version of its connection, or while it
    /// is not connected, the one it last spoke (the command then answers 409 either way).
    func speaksOCPP201(_ chargerId: String, snapshot: ChargerSnapshot?) -> Bool {
        let commands = dependencies.commands
        return commands.speaksOCPP201(chargerId)
            || (!commands.isConnected(chargerId) && snapshot?.protocolVersion == "ocpp2.0.1")
    }

    /// Sends a typed OCPP 2.0.1 request and answers the station's response, as `send` does a 1.6
    /// request.
    func send<Request: OCPP201Request>(_ request: Request, to chargerId: String, connectorId: Int?)
        async throws(APIError) -> JSONObject
    {
        try await response(to: request, from: chargerId, connectorId: connectorId).jsonObject
    }

    /// Sends a typed OCPP 2.0.1 request and answers the station's response as its type.
    func response<Request: OCPP201Request>(to request: Request, from chargerId: String, connectorId: Int?)
        async throws(APIError) -> Request.Response
    {
        let (_, reply) = await dependencies.commands.send(
            request, to: chargerId, context: CommandContext(source: source, connectorId: connectorId))
        switch reply {
        case .success(let response): return response
        case .failure(let error): throw ManualCommandSender.apiError(for: error, chargerId: chargerId)
        }
    }

    /// SetVariables of one variable, answered as ChangeConfiguration is: `{"status": ...}`
    /// (SetVariableStatusEnumType), with the station's `statusInfo` when it gives one.
    func setVariable(_ component: Component, _ variable: Variable, to value: String, on chargerId: String)
        async throws(APIError) -> JSONObject
    {
        let request = SetVariablesRequest(setVariableData: [
            SetVariableData(attributeValue: value, component: component, variable: variable)
        ])
        let response = try await self.response(to: request, from: chargerId, connectorId: nil)
        // The schema holds at least one result.
        guard let result = response.setVariableResult.first else {
            throw APIError(
                status: HTTPStatus(code: 502), message: "the charger's answer is invalid: no setVariableResult")
        }
        var answer = JSONObject([("status", .string(result.attributeStatus.spelling))])
        if let info = result.attributeStatusInfo { answer["statusInfo"] = .object(info.jsonObject) }
        return answer
    }
}
