import Central
import ChargePointManagement
import ChargingModel
import Foundation
import HTTP
import JSON
import OCPP

/// Sends a manual command to a charger through the dispatcher (which records it with `source`,
/// `api` or `mqtt`, and counts it, like every command) and turns a failure into the API's error.
struct ManualCommandSender: Sendable {
    let dependencies: APIDependencies
    let source: CommandSource

    /// The charger's snapshot; 404 for a charger Ampwise has never heard of (neither configured,
    /// known to the directory nor connected). A configured or known charger that is not connected
    /// passes, and the command then answers 409. A connected charger the directory has not caught
    /// up with yet has no snapshot.
    func knownCharger(_ chargerId: String) throws(APIError) -> ChargerSnapshot? {
        let snapshot = dependencies.snapshot(of: chargerId)
        guard snapshot != nil || dependencies.commands.isConnected(chargerId) else {
            throw .unknownCharger(chargerId)
        }
        return snapshot
    }

    private func context(connectorId: Int?) -> CommandContext {
        CommandContext(source: source, connectorId: connectorId)
    }

    /// Sends a model command (start, stop, availability: what the scheduler sends too) and
    /// answers the charger's confirmation.
    func send(_ command: ChargerCommand, to chargerId: String, connectorId: Int) async throws(APIError)
        -> JSONObject
    {
        let (_, reply) = await dependencies.commands.exchange(
            command, to: chargerId, context: context(connectorId: connectorId))
        return try ManualCommandSender.answer(reply, chargerId: chargerId)
    }

    /// Sends a typed OCPP request and answers the charger's confirmation (a request that breaks
    /// its schema, lengths and ranges the types do not hold, is a 400 naming the field).
    func send<Request: OCPPRequest>(_ request: Request, to chargerId: String, connectorId: Int?)
        async throws(APIError) -> JSONObject
    {
        let (_, reply) = await dependencies.commands.send(
            request, to: chargerId, context: context(connectorId: connectorId))
        return try ManualCommandSender.answer(reply.map(\.jsonObject), chargerId: chargerId)
    }

    /// Sends a payload that has already passed `CentralSystemRequest.validate`.
    func sendValidated(
        _ action: String, payload: JSONObject, to chargerId: String, connectorId: Int?
    ) async throws(APIError) -> JSONObject {
        let (_, reply) = await dependencies.commands.send(
            action: action, payload: payload, to: chargerId, context: context(connectorId: connectorId))
        return try ManualCommandSender.answer(reply, chargerId: chargerId)
    }

    static func answer(_ reply: Result<JSONObject, CallError>, chargerId: String) throws(APIError) -> JSONObject {
        switch reply {
        case .success(let answer): return answer
        case .failure(let error): throw apiError(for: error, chargerId: chargerId)
        }
    }

    /// docs/api.md: 409 not connected, 504 no answer; a CALLERROR is the charger's answer, passed on
    /// as 502 with its `code`.
    static func apiError(for error: CallError, chargerId: String) -> APIError {
        switch error {
        case .notConnected:
            return .notConnected(chargerId)
        case .connectionClosed:
            return APIError(status: .conflict, message: "charger \"\(chargerId)\" disconnected before it answered")
        case .timeout:
            return APIError(status: .gatewayTimeout, message: "charger \"\(chargerId)\" did not answer in time")
        case .callError(let code, let description, let details):
            return chargerError(error, code: code.rawValue, description: description, details: details)
        case .ocpp201CallError(let code, let description, let details):
            return chargerError(error, code: code.rawValue, description: description, details: details)
        case .invalidConfirmation(let reason):
            return APIError(status: HTTPStatus(code: 502), message: "the charger's answer is invalid: \(reason)")
        case .invalidRequest(let reason):
            return .badRequest(reason)
        }
    }

    /// The charger's CALLERROR, passed on as 502 with its `code`, `description` and `details`.
    private static func chargerError(
        _ error: CallError, code: String, description: String, details: JSONObject
    ) -> APIError {
        var extra = JSONObject([("code", .string(code)), ("description", .string(description))])
        if !details.isEmpty { extra["details"] = .object(details) }
        return APIError(status: HTTPStatus(code: 502), message: error.description, details: extra)
    }
}
