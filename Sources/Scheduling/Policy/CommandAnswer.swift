/// How a charger answered a command, or why it did not.
public enum CommandAnswer: Sendable, Hashable, CustomStringConvertible {
    case accepted
    case rejected
    case notSupported
    /// ChangeAvailability while a transaction runs: takes effect when it ends.
    case scheduled
    /// ClearChargingProfile found no such profile.
    case unknown
    /// The charger answered with a CALLERROR of this code.
    case callError(code: String)
    case timeout
    case notConnected

    /// The outcome for a CALLRESULT's `status` string; an unexpected string counts as a rejection.
    public init(status: String) {
        switch status {
        case "Accepted": self = .accepted
        case "Rejected": self = .rejected
        case "NotSupported": self = .notSupported
        case "Scheduled": self = .scheduled
        case "Unknown": self = .unknown
        default: self = .rejected
        }
    }

    /// The text the command records keep (`Accepted`, `CALLERROR NotImplemented`, `timeout`).
    public var description: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .notSupported: "NotSupported"
        case .scheduled: "Scheduled"
        case .unknown: "Unknown"
        case .callError(let code): "CALLERROR \(code)"
        case .timeout: "timeout"
        case .notConnected: "not connected"
        }
    }

    /// The charger answered that it cannot take this command: another profile purpose may work.
    /// Timeouts and disconnections say nothing about the purpose, so they do not move the ladder.
    var refusesProfile: Bool {
        switch self {
        case .rejected, .notSupported, .callError: true
        default: false
        }
    }
}
