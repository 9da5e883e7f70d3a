/// What one step of a connector's plan holds the connector to, as the table and the chart show it.
public enum PlanState: Sendable, Hashable {
    /// No rule decides charging or a limit: Ampwise sends nothing (and withdraws a profile of its
    /// own), so the charger charges as it would without Ampwise.
    case leftToCharger
    /// A rule says charge and none sets a limit: the charger's own maximum applies.
    case charging
    /// Charging, limited to this many amperes, on `phases` on a charger with `phaseSwitching`
    /// (`nil` on others: all its phases).
    case limited(amps: Double, phases: Int? = nil)
    /// Held paused (a 0 A profile, or the session stopped with `pause: "remoteStop"`).
    case paused

    /// The state the policy carries out for `effective` (`nil`: no decision for the connector).
    init(_ effective: EffectiveDecision?) {
        guard let effective else {
            self = .leftToCharger
            return
        }
        if effective.isPaused {
            self = .paused
        } else if let amps = effective.limitAmps {
            self = .limited(amps: amps, phases: effective.phases)
        } else if effective.charging == .charge {
            self = .charging
        } else {
            self = .leftToCharger
        }
    }

    /// The phases of a limit on a charger with `phaseSwitching`, else `nil`.
    public var phases: Int? {
        if case .limited(_, let phases) = self { return phases }
        return nil
    }

    /// The limit in A a chart draws: the limit, 0 while paused, none otherwise.
    public var chartedAmps: Double? {
        switch self {
        case .limited(let amps, _): amps
        case .paused: 0
        case .charging, .leftToCharger: nil
        }
    }
}
