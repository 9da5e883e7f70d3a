/// What a command is for, for the command records and `ampwise why`.
public enum CommandReason: Sendable, Hashable, CustomStringConvertible {
    /// A limit in amperes (0 with the `profile` pause policy means pause), on `phases` when the
    /// charger switches phases.
    case limit(amps: Double, phases: Int? = nil)
    /// Withdraw the profile Ampwise had set: the limit family has no opinion any more.
    case withdrawLimit
    /// Withdraw a profile Ampwise may have set before it restarted: the limit family has no opinion.
    case withdrawLeftover
    /// The session family's `start` (or a manual start).
    case start
    /// Restart a session that Ampwise stopped to pause it (`pause: "remoteStop"`).
    case resume
    /// The session family's `stop` (or a manual stop).
    case stop
    /// End the transaction to pause the connector (`pause: "remoteStop"`).
    case pause
    case availability(AvailabilityIntent)

    public var description: String {
        switch self {
        case .limit(let amps, let phases):
            (amps == 0 ? "pause (0 A profile)" : "limit \(amps) A")
                + (phases.map { " on " + ($0 == 1 ? "1 phase" : "\($0) phases") } ?? "")
        case .withdrawLimit: "withdraw limit"
        case .withdrawLeftover: "withdraw a profile set before Ampwise restarted"
        case .start: "start"
        case .resume: "resume"
        case .stop: "stop"
        case .pause: "pause (stop transaction)"
        case .availability(let intent): intent.rawValue
        }
    }
}
