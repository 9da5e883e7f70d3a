import Foundation

@testable import Scheduler

/// Builders for meter values in tests.
enum MeterValueFixtures {
    static let time = Date(timeIntervalSince1970: 1_795_593_600)  // 2026-11-25T08:00:00Z

    static func sample(
        _ value: String, _ measurand: String? = nil, unit: String? = nil, phase: String? = nil,
        location: String? = nil, context: String? = nil, format: String? = nil
    ) -> SampledValueInput {
        SampledValueInput(
            value: value, context: context, format: format, measurand: measurand, phase: phase, location: location,
            unit: unit)
    }

    static func normalise(_ samples: [SampledValueInput], at timestamp: Date = time) -> NormalisedMeterValue {
        MeterValueNormaliser.normalise(MeterValueInput(timestamp: timestamp, sampledValues: samples))
    }
}
