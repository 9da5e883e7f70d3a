import Central
import ChargingModel
import JSON

extension CommandOutcome {
    /// How a call ended, as the audit trail and every sender see it: the one mapping from the
    /// central system's results to the model's outcomes.
    ///
    /// A confirmation that breaks its schema is recorded as `CALLERROR InvalidConfirmation` (not
    /// an OCPP error code: the charger sent a CALLRESULT, which Ampwise could not accept).
    init(_ result: Result<JSONObject, CallError>) {
        switch result {
        case .success(let payload):
            self = payload["status"]?.stringValue.map(CommandOutcome.status) ?? .answered
        case .failure(.notConnected), .failure(.connectionClosed):
            self = .notConnected
        case .failure(.timeout):
            self = .timeout
        case .failure(.callError(let code, let description, _)):
            self = .callError(code: code.rawValue, description: description)
        case .failure(.ocpp201CallError(let code, let description, _)):
            self = .callError(code: code.rawValue, description: description)
        case .failure(.invalidConfirmation(let reason)):
            self = .callError(code: "InvalidConfirmation", description: reason)
        case .failure(.invalidRequest(let reason)):
            self = .callError(code: "InvalidRequest", description: reason)
        }
    }
}
