/// The decision the policy acts on: the rules' intent with the manual overrides applied and the
/// limit clipped to the charger (`maxCurrent`; below `minCurrent` means pause).
public struct EffectiveDecision: Sendable, Hashable {
    public var charging: ChargingIntent?
    public var limitAmps: Double?
    /// The phases the limit (or the 0 A pause profile) is for: the rules' choice on a charger with
    /// `phaseSwitching` (a manual limit keeps it), `nil`: all the charger's.
    public var phases: Int?
    public var session: SessionIntent?
    public var availability: AvailabilityIntent?
    /// Decides charging and limit.
    public var limitSource: DecisionSource
    public var sessionSource: DecisionSource
    public var availabilitySource: DecisionSource

    public init(
        charging: ChargingIntent? = nil, limitAmps: Double? = nil, phases: Int? = nil, session: SessionIntent? = nil,
        availability: AvailabilityIntent? = nil, limitSource: DecisionSource = .rules,
        sessionSource: DecisionSource = .rules, availabilitySource: DecisionSource = .rules
    ) {
        self.charging = charging
        self.limitAmps = limitAmps
        self.phases = phases
        self.session = session
        self.availability = availability
        self.limitSource = limitSource
        self.sessionSource = sessionSource
        self.availabilitySource = availabilitySource
    }

    /// Whether the connector is held paused.
    public var isPaused: Bool { charging == .pause }
}
