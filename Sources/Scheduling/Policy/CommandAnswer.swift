import ChargingModel

/// How a charger answered a command, or why it did not, as the policy reads it.
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

    /// The policy's view of a recorded outcome: an answer without a status, or with one the
    /// policy does not expect, counts as a rejection.
    public init(_ outcome: CommandOutcome) {
        switch outcome {
        case .status("Accepted"): self = .accepted
        case .status("NotSupported"): self = .notSupported
        case .status("Scheduled"): self = .scheduled
        case .status("Unknown"): self = .unknown
        case .status, .answered: self = .rejected
        case .callError(let code, _): self = .callError(code: code)
        case .timeout: self = .timeout
        case .notConnected: self = .notConnected
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
