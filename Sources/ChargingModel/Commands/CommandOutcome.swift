/// How a command to a charger ended.
public enum CommandOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The charger answered with this `status` (`Accepted`, `Rejected`, `NotSupported`,
    /// `Scheduled`, `Unlocked`, ...).
    case status(String)
    /// The charger answered with a payload that has no `status` (GetConfiguration, ...).
    case answered
    /// The charger answered with a CALLERROR.
    case callError(code: String, description: String)
    /// No answer within `callTimeout`.
    case timeout
    /// The charger was not connected, so nothing was sent.
    case notConnected

    /// The text kept in `commands.outcome`: the status itself, or `Answered`, `CallError`,
    /// `Timeout`, `NotConnected`.
    public var storedValue: String {
        switch self {
        case .status(let status): status
        case .answered: "Answered"
        case .callError: "CallError"
        case .timeout: "Timeout"
        case .notConnected: "NotConnected"
        }
    }

    /// `true` for `Accepted` and for an answer without a status.
    public var isAccepted: Bool {
        switch self {
        case .status(let status): status == "Accepted"
        case .answered: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .callError(let code, let description):
            description.isEmpty ? "CALLERROR \(code)" : "CALLERROR \(code): \(description)"
        default: storedValue
        }
    }

    /// The inverse of `storedValue`, with the error columns of the row.
    public init(storedValue: String, errorCode: String?, errorDescription: String?) {
        switch storedValue {
        case "Answered": self = .answered
        case "CallError": self = .callError(code: errorCode ?? "", description: errorDescription ?? "")
        case "Timeout": self = .timeout
        case "NotConnected": self = .notConnected
        default: self = .status(storedValue)
        }
    }
}
