import Foundation

/// The latest value of one measurand on a connector, in its normalised unit.
public struct MeasurandValue: Sendable, Equatable {
    public var value: Double
    public var unit: String
    public var at: Date
    /// Per-phase values (`L1`, `L2`, `L3`, ...) when the charger reported them.
    public var phases: [String: Double]

    public init(value: Double, unit: String, at: Date, phases: [String: Double] = [:]) {
        self.value = value
        self.unit = unit
        self.at = at
        self.phases = phases
    }
}
