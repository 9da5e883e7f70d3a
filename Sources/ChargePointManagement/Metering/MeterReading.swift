import Foundation
import OCPP

/// The figure for one measurand at one moment, combined from its samples, with the per-phase
/// samples it was combined from.
public struct MeterReading: Sendable, Hashable {
    public var measurand: Measurand
    public var value: Double
    public var unit: MeterUnit
    public var timestamp: Date
    /// The context of the phase-less sample, or of the first phase sample.
    public var context: ReadingContext
    public var location: Location?
    public var source: ReadingSource
    /// The per-phase samples at the chosen location, in the order the charger sent them.
    public var phases: [MeterSample]

    public init(
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
