import Foundation
import OCPP

/// One OCPP `MeterValue` after normalisation.
struct NormalisedMeterValue: Sendable, Hashable {
    var timestamp: Date
    /// Every sample that was kept, at every location and phase, in the order received.
    var samples: [MeterSample]
    /// The connector's figure per measurand (see `MeterValueNormaliser` for the choice of location
    /// and the combination of phases).
    var readings: [Measurand: MeterReading]
    /// One line per value that was ignored, for the log.
    var warnings: [String]

    init(
        timestamp: Date, samples: [MeterSample], readings: [Measurand: MeterReading], warnings: [String]
    ) {
        self.timestamp = timestamp
        self.samples = samples
        self.readings = readings
        self.warnings = warnings
    }

    subscript(measurand: Measurand) -> MeterReading? { readings[measurand] }
}
