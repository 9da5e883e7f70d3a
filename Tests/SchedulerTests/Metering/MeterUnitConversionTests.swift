import Testing

@testable import Scheduler

@Suite struct MeterUnitConversionTests {
    /// (value, OCPP unit, expected value, expected unit)
    static let table: [(Double, String, Double, MeterUnit)] = [
        (1234.5, "Wh", 1234.5, .wattHour),
        (1.5, "kWh", 1500, .wattHour),
        (2, "varh", 2, .varHour),
        (2.25, "kvarh", 2250, .varHour),
        (7400, "W", 7400, .watt),
        (11.04, "kW", 11040, .watt),
        (500, "VA", 500, .voltAmpere),
        (3.5, "kVA", 3500, .voltAmpere),
        (89, "var", 89, .var),
        (0.75, "kvar", 750, .var),
        (16, "A", 16, .ampere),
        (230, "V", 230, .volt),
        (21.5, "Celsius", 21.5, .celsius),
        (212, "Fahrenheit", 100, .celsius),
        (32, "Fahrenheit", 0, .celsius),
        (273.15, "K", 0, .celsius),
        (373.15, "K", 100, .celsius),
        (80, "Percent", 80, .percent),
        (1.5, "kwh", 1500, .wattHour),
        (11, "KW", 11000, .watt),
    ]

    @Test func everyOCPPUnitConvertsToAmpwisesUnit() {
        for (value, rawUnit, expectedValue, expectedUnit) in Self.table {
            let converted = MeterUnit.normalise(value, from: rawUnit)
            #expect(converted?.unit == expectedUnit, "\(rawUnit)")
            #expect(abs((converted?.value ?? .nan) - expectedValue) < 1e-9, "\(value) \(rawUnit)")
        }
    }

    @Test func unknownUnitsAreRefused() {
        #expect(MeterUnit.normalise(1, from: "MWh") == nil)
        #expect(MeterUnit.normalise(1, from: "") == nil)
        #expect(MeterUnit.normalise(1, from: "Hz") == nil)
    }

    @Test func everyMeasurandHasTheUnitOfItsKind() {
        #expect(Measurand.energyActiveImportRegister.unit == .wattHour)
        #expect(Measurand.energyReactiveExportInterval.unit == .varHour)
        #expect(Measurand.powerActiveImport.unit == .watt)
        #expect(Measurand.powerOffered.unit == .watt)
        #expect(Measurand.powerReactiveImport.unit == .var)
        #expect(Measurand.currentOffered.unit == .ampere)
        #expect(Measurand.voltage.unit == .volt)
        #expect(Measurand.temperature.unit == .celsius)
        #expect(Measurand.stateOfCharge.unit == .percent)
        #expect(Measurand.powerFactor.unit == MeterUnit.none)
        #expect(Measurand.allCases.count == 22)
    }
}
