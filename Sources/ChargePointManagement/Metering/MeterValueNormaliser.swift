import Foundation
import JSON
import OCPP

/// Turns the meter values a charger sends into typed samples in one unit per measurand, and
/// combines them into one figure per measurand for the connector.
///
/// The rules, in the order they apply:
/// - `format: SignedData` values are skipped (they carry a signed blob, not a number).
/// - A value with no measurand is `Energy.Active.Import.Register`; a value with no unit is in
///   its measurand's unit (Wh for energy). kWh, kW, kvar(h) and kVA are scaled by 1000; K and
///   Fahrenheit become Celsius (as does OCPP's misspelling `Celcius`); `Percent` becomes `%`.
/// - Empty and non-numeric values, unknown measurands, phases, locations and units, and units
///   that do not fit the measurand (`"A"` on an energy register) are ignored with a warning.
///   An unknown context is kept as `Other`, with a warning.
/// - Location: the connector's figure comes from `Outlet` or no location (the same place:
///   OCPP's default location is `Outlet`), else `Inlet`, `Cable`, `Body`, `EV`. `SoC` is the
///   car's, so for it `EV` comes first.
/// - Phases: at the chosen location a value without a phase wins over the per-phase values.
///   Otherwise energy and power are the sum over the lines L1, L2, L3 (`L1-N` counts as L1),
///   everything else the mean over the lines that reported. For voltage, line-to-neutral values
///   are used when there are any; otherwise the line-to-line values divided by the square root
///   of 3. The neutral (`N`) is kept as a phase sample but never enters a combination. When one
///   phase (or the phase-less total) is reported twice at that location, the later value counts.
enum MeterValueNormaliser {
    /// Normalises each `MeterValue` of a message on its own (they have their own timestamps).
    static func normalise(_ meterValues: [MeterValue]) -> [NormalisedMeterValue] {
        meterValues.map { normalise($0) }
    }

    /// Normalises one `MeterValue`. Values that lenient decoding let through as `.unrecognized`
    /// are judged here, by the rules above.
    static func normalise(_ meterValue: MeterValue) -> NormalisedMeterValue {
        var samples: [MeterSample] = []
        var warnings: [String] = []
        for input in meterValue.sampledValue {
            if let sample = sample(from: input, at: meterValue.timestamp, warnings: &warnings) {
                samples.append(sample)
            }
        }
        var readings: [Measurand: MeterReading] = [:]
        for measurand in Measurand.metered {
            let candidates = samples.filter { $0.measurand == measurand }
            if let reading = combine(candidates, measurand: measurand) { readings[measurand] = reading }
        }
        return NormalisedMeterValue(
            timestamp: meterValue.timestamp, samples: samples, readings: readings, warnings: warnings)
    }

    static func sample(from input: SampledValue, at timestamp: Date, warnings: inout [String]) -> MeterSample? {
        if input.format == .signedData { return nil }
        let measurand = Measurand(spelling: (input.measurand ?? .energyActiveImportRegister).spelling)
        guard let measurandUnit = measurand.unit else {
            warnings.append("ignored a value of unknown measurand \"\(measurand.spelling)\"")
            return nil
        }
        let text = input.value.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            warnings.append("ignored an empty \(measurand.spelling) value")
            return nil
        }
        guard let number = NumberRange.decimal(text) else {
            warnings.append("ignored \(measurand.spelling) value \"\(input.value)\": not a number")
            return nil
        }
        var value = number
        var unit = measurandUnit
        if let inputUnit = input.unit {
            guard let converted = MeterUnit.normalise(number, from: inputUnit) else {
                warnings.append(
                    "ignored \(measurand.spelling) value \"\(input.value)\": unknown unit \"\(inputUnit.spelling)\"")
                return nil
            }
            guard converted.unit == measurandUnit else {
                // OCPP's misspelling "Celcius" is named as the unit it means.
                let unitName = inputUnit == .celcius ? UnitOfMeasure.celsius.spelling : inputUnit.spelling
                warnings.append(
                    "ignored \(measurand.spelling) value \"\(input.value)\": "
                        + "unit \"\(unitName)\" does not fit the measurand")
                return nil
            }
            (value, unit) = converted
        }
        if let phase = input.phase, let unknown = phase.unrecognizedSpelling {
            warnings.append("ignored \(measurand.spelling) value \"\(input.value)\": unknown phase \"\(unknown)\"")
            return nil
        }
        if let location = input.location, let unknown = location.unrecognizedSpelling {
            warnings.append(
                "ignored \(measurand.spelling) value \"\(input.value)\": unknown location \"\(unknown)\"")
            return nil
        }
        var context = ReadingContext.samplePeriodic
        if let inputContext = input.context {
            if let unknown = inputContext.unrecognizedSpelling {
                warnings.append(
                    "\(measurand.spelling) value \"\(input.value)\" has unknown context \"\(unknown)\": "
                        + "kept as Other")
                context = .other
            } else {
                context = inputContext
            }
        }
        return MeterSample(
            measurand: measurand, value: value, unit: unit, phase: input.phase, location: input.location,
            context: context, timestamp: timestamp)
    }

    /// Locations in order of preference for the connector's figure; `nil` (no location) ranks with
    /// `Outlet`, OCPP's default.
    static func locationPreference(for measurand: Measurand) -> [[Location?]] {
        let connector: [Location?] = [.outlet, nil]
        if measurand == .soc { return [[.ev], connector, [.inlet], [.cable], [.body]] }
        return [connector, [.inlet], [.cable], [.body], [.ev]]
    }

    static func combine(_ samples: [MeterSample], measurand: Measurand) -> MeterReading? {
        guard !samples.isEmpty else { return nil }
        for group in locationPreference(for: measurand) {
            let located = samples.filter { group.contains($0.location) }
            if let reading = combineAtOneLocation(located, measurand: measurand) { return reading }
        }
        return nil
    }

    static func combineAtOneLocation(_ samples: [MeterSample], measurand: Measurand) -> MeterReading? {
        guard let first = samples.first else { return nil }
        let phased = samples.filter { $0.phase != nil }
        if let total = samples.last(where: { $0.phase == nil }) {
            return MeterReading(
                measurand: measurand, value: total.value, unit: total.unit, timestamp: total.timestamp,
                context: total.context, location: total.location, source: .phaseless, phases: phased)
        }
        guard let value = combinePhases(phased, measurand: measurand) else { return nil }
        return MeterReading(
            measurand: measurand, value: value, unit: first.unit, timestamp: first.timestamp, context: first.context,
            location: first.location, source: measurand.isSummedOverPhases ? .sumOfPhases : .averageOfPhases,
            phases: phased)
    }

    static func combinePhases(_ samples: [MeterSample], measurand: Measurand) -> Double? {
        // Keyed by line so that a phase reported twice (as L1 and as L1-N) counts once: the later one.
        var lineValues: [Int: Double] = [:]
        var lineToLine: [Phase: Double] = [:]
        for sample in samples {
            guard let phase = sample.phase else { continue }
            if let line = phase.line {
                lineValues[line] = sample.value
            } else if phase.isLineToLine {
                lineToLine[phase] = sample.value
            }
        }
        // Sorted, so that the floating-point sum does not depend on dictionary order.
        let values = lineValues.sorted { $0.key < $1.key }.map(\.value)
        if measurand.isSummedOverPhases {
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        if values.isEmpty, measurand == .voltage, !lineToLine.isEmpty {
            let lineToNeutral = lineToLine.sorted { $0.key.spelling < $1.key.spelling }
                .map { $0.value / 3.0.squareRoot() }
            return lineToNeutral.reduce(0, +) / Double(lineToNeutral.count)
        }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
