/// What a plan inputs file says about a charger's reported configuration.
public struct PlanChargerInput: Sendable, Equatable {
    /// ChargingScheduleAllowedChargingRateUnit (`Current`, `Power`).
    public var allowedChargingRateUnit: String?
    /// ChargeProfileMaxStackLevel.
    public var maxStackLevel: Int?

    public init(allowedChargingRateUnit: String? = nil, maxStackLevel: Int? = nil) {
        self.allowedChargingRateUnit = allowedChargingRateUnit
        self.maxStackLevel = maxStackLevel
    }
}
