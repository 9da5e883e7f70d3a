import Foundation
import OCPP

/// The figure for one measurand at one moment, combined from its samples, with the per-phase
/// samples it was combined from.
struct MeterReading: Sendable, Hashable {
    var measurand: Measurand
    var value: Double
    var unit: MeterUnit
    var timestamp: Date
    /// The context of the phase-less sample, or of the first phase sample.
    var context: ReadingContext
    var location: Location?
    var source: ReadingSource
    /// The per-phase samples at the chosen location, in the order the charger sent them.
    var phases: [MeterSample]

    init(
        measurand: Measurand, value: Double, unit: MeterUnit, timestamp: Date, context: ReadingContext,
        location: Location?, source: ReadingSource, phases: [MeterSample]
    ) {
        self.measurand = measurand
        self.value = value
        self.unit = unit
        self.timestamp = timestamp
        self.context = context
        self.location = location
        self.source = source
        self.phases = phases
    }
}
