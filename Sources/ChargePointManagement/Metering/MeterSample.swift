import Foundation
import OCPP

/// One sampled value after normalisation: typed, numeric, in Ampwise's unit for its measurand.
public struct MeterSample: Sendable, Hashable {
    public var measurand: Measurand
    public var value: Double
    public var unit: MeterUnit
    /// `nil` when the charger gave no phase (a total or single-phase figure).
    public var phase: Phase?
    /// `nil` when the charger gave no location (OCPP's default is `Outlet`).
    public var location: Location?
    public var context: ReadingContext
    public var timestamp: Date

    public init(
        measurand: Measurand, value: Double, unit: MeterUnit, phase: Phase? = nil,
        location: Location? = nil, context: ReadingContext = .samplePeriodic, timestamp: Date
    ) {
        self.measurand = measurand
        self.value = value
        self.unit = unit
        self.phase = phase
        self.location = location
        self.context = context
        self.timestamp = timestamp
    }
}
