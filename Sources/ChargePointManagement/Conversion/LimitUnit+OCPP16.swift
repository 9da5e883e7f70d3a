import ChargingModel

extension LimitUnit {
    /// The unit to use for an OCPP 1.6 charger, from its `ChargingScheduleAllowedChargingRateUnit`
    /// configuration value (`"Current"`, `"Power"`, `"Current,Power"`).
    ///
    /// Amperes whenever the charger allows them (or says nothing): a current limit is what the
    /// rules compute and what the fuse cares about, so no conversion error creeps in.
    public init(ocpp16AllowedUnits allowedUnits: String?) {
        let units = (allowedUnits ?? "").split(separator: ",").map { $0.filter { !$0.isWhitespace }.lowercased() }
        self = units.contains("power") && !units.contains("current") ? .watts : .amps
    }
}
