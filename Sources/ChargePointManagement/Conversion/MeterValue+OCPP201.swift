import OCPP
import OCPP201

extension OCPP.MeterValue {
    /// An OCPP 2.0.1 meter value in 1.6's terms, so that one normaliser serves both versions
    /// (docs/ocpp201.md). The measurand, phase, location and context enumerations are spelled
    /// alike in both; 2.0.1 sends the value as a number with a unit and a power-of-ten
    /// `multiplier`, 1.6 as text with a unit: the multiplier is applied here.
    init(ocpp201 value: OCPP201.MeterValue) {
        self.init(
            timestamp: value.timestamp,
            sampledValue: value.sampledValue.map { sample in
                let multiplier = sample.unitOfMeasure?.multiplier ?? 0
                // Divided for a negative multiplier: 12.5 / 10 is exact where 12.5 * 0.1 is not.
                let scale = powerOfTen(abs(multiplier))
                let scaled = multiplier < 0 ? sample.value / scale : sample.value * scale
                return OCPP.SampledValue(
                    value: String(scaled), context: sample.context.map { OCPP.ReadingContext(spelling: $0.spelling) },
                    measurand: sample.measurand.map { OCPP.Measurand(spelling: $0.spelling) },
                    phase: sample.phase.map { OCPP.Phase(spelling: $0.spelling) },
                    location: sample.location.map { OCPP.Location(spelling: $0.spelling) },
                    unit: sample.unitOfMeasure?.unit.map { OCPP.UnitOfMeasure(spelling: $0) })
            })
    }
}

/// 10 to the power `exponent` (0 or more), exact for the small exponents meters use.
private func powerOfTen(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
}
