import Rules

/// One charger's configured settings as the engine uses them (`chargers.<id>` in the config).
public struct EngineChargerSettings: Sendable, Hashable {
    public var phases: Int
    public var voltage: Double
    public var minCurrent: Double
    public var maxCurrent: Double
    /// The idTag for sessions Ampwise starts; `nil`: the rule's, else `ampwise`.
    public var idTag: String?
    public var pause: PausePolicy
    /// A 3-phase charger that may be told to charge on 1 phase (`phaseSwitching`).
    public var phaseSwitching: Bool

    public init(
        phases: Int = 3, voltage: Double = 230, minCurrent: Double = 6, maxCurrent: Double = 16,
        idTag: String? = nil, pause: PausePolicy = .profile, phaseSwitching: Bool = false
    ) {
        self.phases = phases
        self.voltage = voltage
        self.minCurrent = minCurrent
        self.maxCurrent = maxCurrent
        self.idTag = idTag
        self.pause = pause
        self.phaseSwitching = phaseSwitching
    }

    /// What the rules read as `charger.*`.
    public var ruleSettings: ChargerSettings {
        ChargerSettings(
            phases: phases, voltage: voltage, minCurrent: minCurrent, maxCurrent: maxCurrent, idTag: idTag,
            phaseSwitching: phaseSwitching)
    }
}
