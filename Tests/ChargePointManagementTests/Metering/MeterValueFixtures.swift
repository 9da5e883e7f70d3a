import Foundation
import OCPP

@testable import ChargePointManagement

/// Builders for meter values in tests: the OCPP values a charger's MeterValues decode to.
/// Odd spellings that lenient decoding lets through are `.unrecognized("...")`.
enum MeterValueFixtures {
    static let time = Date(timeIntervalSince1970: 1_795_593_600)  // 2026-11-25T08:00:00Z

    static func sample(
        _ value: String, _ measurand: OCPP.Measurand? = nil, unit: UnitOfMeasure? = nil, phase: Phase? = nil,
        location: Location? = nil, context: ReadingContext? = nil, format: ValueFormat? = nil
    ) -> SampledValue {
        SampledValue(
            value: value, context: context, format: format, measurand: measurand, phase: phase, location: location,
            unit: unit)
    }

    static func normalise(_ samples: [SampledValue], at timestamp: Date = time) -> NormalisedMeterValue {
        MeterValueNormaliser.normalise(MeterValue(timestamp: timestamp, sampledValue: samples))
    }
}
