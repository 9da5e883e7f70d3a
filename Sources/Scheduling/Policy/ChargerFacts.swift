import ChargingModel

/// The settings and learned capabilities of a charger that shape the commands it receives.
public struct ChargerFacts: Sendable, Hashable {
    /// The unit for charging schedules, from `ChargingScheduleAllowedChargingRateUnit`.
    public var rateUnit: LimitUnit
    /// `ChargeProfileMaxStackLevel`, when the charger reported it.
    public var maxStackLevel: Int?
    public var voltage: Double
    public var phases: Int
    public var minCurrent: Double
    public var maxCurrent: Double
    public var pause: PausePolicy
    /// The charger's configured idTag for sessions Ampwise starts.
    public var idTag: String?
    /// The charger has exactly one connector (ChargePointMaxProfile is then a usable fallback).
    public var hasSingleConnector: Bool
    /// The profile purpose remembered as working for this charger, tried first.
    public var workingProfilePurpose: ProfilePurpose?

    public init(
        rateUnit: LimitUnit = .amps, maxStackLevel: Int? = nil, voltage: Double = 230, phases: Int = 3,
        minCurrent: Double = 6, maxCurrent: Double = 16, pause: PausePolicy = .profile, idTag: String? = nil,
        hasSingleConnector: Bool = true, workingProfilePurpose: ProfilePurpose? = nil
    ) {
        self.rateUnit = rateUnit
        self.maxStackLevel = maxStackLevel
        self.voltage = voltage
        self.phases = phases
        self.minCurrent = minCurrent
        self.maxCurrent = maxCurrent
        self.pause = pause
        self.idTag = idTag
        self.hasSingleConnector = hasSingleConnector
        self.workingProfilePurpose = workingProfilePurpose
    }

    /// The idTag for a session Ampwise starts without a rule's own idtag.
    public var sessionIdTag: String { idTag ?? "ampwise" }

    /// Used when the charger did not report ChargeProfileMaxStackLevel. 0 is valid on every
    /// charger that supports smart charging; a higher guess would be rejected by some.
    public static let defaultStackLevel = 0
}
