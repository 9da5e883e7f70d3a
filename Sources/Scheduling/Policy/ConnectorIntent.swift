/// The desired state of one connector, as the rules decided it: one optional opinion per family.
///
/// `nil` means no active rule in that family: the charger is left alone there (and a profile
/// Ampwise had set is withdrawn).
public struct ConnectorIntent: Sendable, Hashable {
    public var charging: ChargingIntent?
    /// The limit in amperes, already clipped and shared by the combination.
    public var limitAmps: Double?
    /// The phases the limit is for (a charger with `phaseSwitching`); `nil`: all the charger's.
    public var phases: Int?
    public var session: SessionIntent?
    public var availability: AvailabilityIntent?

    public init(
        charging: ChargingIntent? = nil, limitAmps: Double? = nil, phases: Int? = nil, session: SessionIntent? = nil,
        availability: AvailabilityIntent? = nil
    ) {
        self.charging = charging
        self.limitAmps = limitAmps
        self.phases = phases
        self.session = session
        self.availability = availability
    }

    /// No opinion in any family.
    public static let none = ConnectorIntent()
}
