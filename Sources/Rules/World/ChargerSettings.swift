/// A charger's configured electrical limits (docs/configuration.md `chargers.<id>`).
public struct ChargerSettings: Sendable, Equatable {
    public var phases: Int
    /// Phase voltage in V.
    public var voltage: Double
    /// Below this many amperes the charger cannot charge: a lower limit means pause.
    public var minCurrent: Double
    /// Every limit is clipped to this many amperes.
    public var maxCurrent: Double
    /// The id tag for remote starts when the rule names none.
    public var idTag: String?
    /// `phaseSwitching`: a 3-phase charger that may be told to charge on 1 phase when the limit
    /// is too small for 3 (docs/rules.md, "Phase switching").
    public var phaseSwitching: Bool

    public init(
        phases: Int = 3, voltage: Double = 230, minCurrent: Double = 6, maxCurrent: Double = 16, idTag: String? = nil,
        phaseSwitching: Bool = false
    ) {
        self.phases = phases
        self.voltage = voltage
        self.minCurrent = minCurrent
        self.maxCurrent = maxCurrent
        self.idTag = idTag
        self.phaseSwitching = phaseSwitching
    }

    /// The settings of a charger that the configuration does not list: 16 A, 6 A, 3 phases, 230 V.
    public static let defaults = ChargerSettings()

    /// Watts per ampere on this charger (voltage × phases).
    var wattsPerAmpere: Double { voltage * Double(phases) }
}
