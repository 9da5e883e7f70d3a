import Foundation

/// The unit of a charging schedule (`chargingRateUnit`).
public enum LimitUnit: String, Sendable, Hashable {
    case amps = "A"
    case watts = "W"

    /// The unit to use for a charger, from its `ChargingScheduleAllowedChargingRateUnit`
    /// configuration value (`"Current"`, `"Power"`, `"Current,Power"`).
    ///
    /// Amperes whenever the charger allows them (or says nothing): a current limit is what the
    /// rules compute and what the fuse cares about, so no conversion error creeps in.
    ///
    /// Read for every charger on every evaluation pass, so it stays in the standard library:
    /// Foundation's `trimmingCharacters` here was a tenth of a pass.
    public init(allowedUnits: String?) {
        let units = (allowedUnits ?? "").split(separator: ",").map { $0.filter { !$0.isWhitespace }.lowercased() }
        self = units.contains("power") && !units.contains("current") ? .watts : .amps
    }
}
