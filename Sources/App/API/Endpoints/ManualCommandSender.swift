import Central
import Foundation
import Scheduler

/// Sends a manual command to a charger, records its outcome like a scheduler command
/// (`CommandRecord(source: .api)`), counts it, and turns a failure into the API's error.
struct ManualCommandSender: Sendable {
    let dependencies: APIDependencies

    /// The charger's snapshot; 404 for a charger Ampwise has never heard of (neither configured,
    /// known to the directory nor connected). A configured or known charger that is not connected
    /// passes, and the command then answers 409. A connected charger the directory has not caught
    /// up with yet has no snapshot.
    func knownCharger(_ chargerId: String) throws(APIError) -> ChargerSnapshot? {
        let snapshot = dependencies.snapshot(of: chargerId)
        guard snapshot != nil || dependencies.central.isConnected(chargerId) else {
            throw .unknownCharger(chargerId)
        }
        return snapshot
    }

    /// Checks `payload` against the action's schema (a 400 naming the field), sends it, records
    /// the outcome and answers the charger's CALLRESULT payload.
    func send(
        _ action: OCPPAction, payload: JSONObject, to chargerId: String, connectorId: Int?
    ) async throws(APIError) -> JSONObject {
        do {
            _ = try CentralSystemRequest.validate(action: action.rawValue, payload: payload)
        } catch {
            throw .badRequest(error.message)
        }
        return try await sendValidated(action.rawValue, payload: payload, to: chargerId, connectorId: connectorId)
    }

    /// Sends a payload that has already passed `CentralSystemRequest.validate`.
    func sendValidated(
        _ action: String, payload: JSONObject, to chargerId: String, connectorId: Int?
    ) async throws(APIError) -> JSONObject {
        let sentAt = dependencies.now()
        let started = ContinuousClock.now
        let result: Result<JSONObject, CallError>
        do {
            result = .success(try await dependencies.central.call(action: action, payload: payload, to: chargerId))
        } catch {
            result = .failure(error)
        }
        let elapsed = ContinuousClock.now - started
        let latency = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let record = CommandRecord(
            chargerId: chargerId, connectorId: connectorId, action: action, payload: .object(payload), source: .api,
            sentAt: sentAt, outcome: ManualCommandSender.outcome(of: result),
            response: (try? result.get()).map(JSONValue.object),
            latencyMs: ManualCommandSender.wasSent(result) ? latency : nil)
        dependencies.records.recordCommand(record)
        dependencies.metrics.count(record)
        switch result {
        case .success(let answer): return answer
        case .failure(let error): throw ManualCommandSender.apiError(for: error, chargerId: chargerId)
        }
    }

    /// The outcome as the store keeps it.
    static func outcome(of result: Result<JSONObject, CallError>) -> CommandOutcome {
        switch result {
        case .success(let answer):
            if let status = answer["status"]?.stringValue { return .status(status) }
            return .answered
        case .failure(let error):
            switch error {
            case .notConnected, .connectionClosed: return .notConnected
            case .timeout: return .timeout
            case .callError(let code, let description, _):
                return .callError(code: code.rawValue, description: description)
            case .invalidConfirmation(let reason):
                return .callError(code: OCPPErrorCode.formationViolation.rawValue, description: reason)
            case .invalidRequest(let reason):
                return .callError(code: OCPPErrorCode.formationViolation.rawValue, description: reason)
            }
        }
    }

    private static func wasSent(_ result: Result<JSONObject, CallError>) -> Bool {
        switch result {
        case .success: true
        case .failure(let error): error != .notConnected && !isInvalidRequest(error)
        }
    }

    private static func isInvalidRequest(_ error: CallError) -> Bool {
        if case .invalidRequest = error { return true }
        return false
    }

    /// SPEC §6: 409 not connected, 504 no answer; a CALLERROR is the charger's answer, passed on
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
            var extra = JSONObject([("code", .string(code.rawValue)), ("description", .string(description))])
            if !details.isEmpty { extra["details"] = .object(details) }
            return APIError(status: HTTPStatus(code: 502), message: error.description, details: extra)
        case .invalidConfirmation(let reason):
            return APIError(status: HTTPStatus(code: 502), message: "the charger's answer is invalid: \(reason)")
        case .invalidRequest(let reason):
            return .badRequest(reason)
        }
    }
}
