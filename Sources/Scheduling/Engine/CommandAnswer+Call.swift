import Central
import JSON
import Store

extension CommandAnswer {
    /// The policy's view of a CALLRESULT payload: its `status` (every action the policy sends has one).
    public init(confirmation: JSONObject) {
        self = confirmation["status"]?.stringValue.map { CommandAnswer(status: $0) } ?? .rejected
    }

    /// The policy's view of a call that got no confirmation.
    public init(callError: CallError) {
        switch callError {
        case .notConnected, .connectionClosed: self = .notConnected
        case .timeout: self = .timeout
        case .callError(let code, _, _): self = .callError(code: code.rawValue)
        case .invalidConfirmation: self = .callError(code: "InvalidConfirmation")
        case .invalidRequest: self = .callError(code: "InvalidRequest")
        }
    }
}

extension CommandOutcome {
    /// The audit trail's outcome for a call's result.
    public init(result: Result<JSONObject, CallError>) {
        switch result {
        case .success(let payload):
            self = payload["status"]?.stringValue.map(CommandOutcome.status) ?? .answered
        case .failure(let error):
            switch error {
            case .notConnected, .connectionClosed: self = .notConnected
            case .timeout: self = .timeout
            case .callError(let code, let description, _):
                self = .callError(code: code.rawValue, description: description)
            case .invalidConfirmation(let reason): self = .callError(code: "InvalidConfirmation", description: reason)
            case .invalidRequest(let reason): self = .callError(code: "InvalidRequest", description: reason)
            }
        }
    }
}
