import Central

extension MeterValueInput {
    /// The OCPP message's meter value with its fields as the charger spelt them, for
    /// `MeterValueNormaliser` (which decides what odd values mean).
    init(_ meterValue: MeterValue) {
        self.init(timestamp: meterValue.timestamp, sampledValues: meterValue.sampledValue.map(SampledValueInput.init))
    }
}

extension SampledValueInput {
    init(_ sampledValue: SampledValue) {
        self.init(
            value: sampledValue.value, context: sampledValue.context?.spelling, format: sampledValue.format?.spelling,
            measurand: sampledValue.measurand?.spelling, phase: sampledValue.phase?.spelling,
            location: sampledValue.location?.spelling,
            // OCPP 1.6 lists the misspelling "Celcius" next to "Celsius"; both mean Celsius.
            unit: sampledValue.unit == .celcius ? "Celsius" : sampledValue.unit?.spelling)
    }
}
