import JSON
import OCPP
import OCPP201

/// Why a call from the central system to a charger did not get a confirmation.
public enum CallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection to that charger now.
    case notConnected
    /// No answer within `callTimeout`.
    case timeout
    /// The charger answered with a CALLERROR.
    case callError(code: OCPPErrorCode, description: String, details: JSONObject)
    /// An OCPP 2.0.1 charging station answered with a CALLERROR (its codes are 2.0.1's).
    case ocpp201CallError(code: OCPP201ErrorCode, description: String, details: JSONObject)
    /// The charger's CALLRESULT broke the confirmation's schema.
    case invalidConfirmation(String)
    /// The connection closed while the call was queued or outstanding.
    case connectionClosed
    /// The request itself was refused before sending (the generic API call's schema check).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .notConnected: "not connected"
        case .timeout: "timeout"
        case .callError(let code, let description, _):
            description.isEmpty ? "CALLERROR \(code.rawValue)" : "CALLERROR \(code.rawValue): \(description)"
        case .ocpp201CallError(let code, let description, _):
            description.isEmpty ? "CALLERROR \(code.rawValue)" : "CALLERROR \(code.rawValue): \(description)"
        case .invalidConfirmation(let reason): "invalid confirmation: \(reason)"
        case .connectionClosed: "connection closed"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        }
    }

    /// The short outcome recorded for a command (`timeout`, `not connected`, `CALLERROR NotSupported`, ...).
    public var outcome: String {
        switch self {
        case .notConnected: "not connected"
        case .timeout: "timeout"
        case .callError(let code, _, _): "CALLERROR \(code.rawValue)"
        case .ocpp201CallError(let code, _, _): "CALLERROR \(code.rawValue)"
        case .invalidConfirmation: "invalid confirmation"
        case .connectionClosed: "connection closed"
        case .invalidRequest: "invalid request"
        }
    }
}
