import Foundation
import OCPP

/// One sampled value after normalisation: typed, numeric, in Ampwise's unit for its measurand.
struct MeterSample: Sendable, Hashable {
    var measurand: Measurand
    var value: Double
    var unit: MeterUnit
    /// `nil` when the charger gave no phase (a total or single-phase figure).
    var phase: Phase?
    /// `nil` when the charger gave no location (OCPP's default is `Outlet`).
    var location: Location?
    var context: ReadingContext
    var timestamp: Date

    init(
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
