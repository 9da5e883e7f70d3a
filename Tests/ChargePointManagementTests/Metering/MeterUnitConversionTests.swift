import OCPP
import Testing

@testable import ChargePointManagement

@Suite struct MeterUnitConversionTests {
    /// (value, OCPP unit, expected value, expected unit)
    static let table: [(Double, UnitOfMeasure, Double, MeterUnit)] = [
        (1234.5, .wattHours, 1234.5, .wattHour),
        (1.5, .kilowattHours, 1500, .wattHour),
        (2, .varHours, 2, .varHour),
        (2.25, .kilovarHours, 2250, .varHour),
        (7400, .watts, 7400, .watt),
        (11.04, .kilowatts, 11040, .watt),
        (500, .voltAmperes, 500, .voltAmpere),
        (3.5, .kilovoltAmperes, 3500, .voltAmpere),
        (89, .vars, 89, .var),
        (0.75, .kilovars, 750, .var),
        (16, .amperes, 16, .ampere),
        (230, .volts, 230, .volt),
        (21.5, .celsius, 21.5, .celsius),
        (21.5, .celcius, 21.5, .celsius),
        (212, .fahrenheit, 100, .celsius),
        (32, .fahrenheit, 0, .celsius),
        (273.15, .kelvin, 0, .celsius),
        (373.15, .kelvin, 100, .celsius),
        (80, .percent, 80, .percent),
        // The 1.6 errata name Hertz as Frequency's unit; the schema of MeterValues lists it.
        (50.02, .hertz, 50.02, .hertz),
        // Spellings lenient decoding lets through: matched ignoring case.
        (1.5, .unrecognized("kwh"), 1500, .wattHour),
        (11, .unrecognized("KW"), 11000, .watt),
        (80, .unrecognized("%"), 80, .percent),
        // What chargers in the field send for Frequency.
        (49.98, .unrecognized("Hz"), 49.98, .hertz),
    ]

    @Test func everyOCPPUnitConvertsToAmpwisesUnit() {
        for (value, unit, expectedValue, expectedUnit) in Self.table {
            let converted = MeterUnit.normalise(value, from: unit)
            #expect(converted?.unit == expectedUnit, "\(unit)")
            #expect(abs((converted?.value ?? .nan) - expectedValue) < 1e-9, "\(value) \(unit)")
        }
    }

    @Test func unknownUnitsAreRefused() {
        #expect(MeterUnit.normalise(1, from: .unrecognized("MWh")) == nil)
        #expect(MeterUnit.normalise(1, from: .unrecognized("")) == nil)
        #expect(MeterUnit.normalise(1, from: .unrecognized("kHz")) == nil)
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
        #expect(Measurand.soc.unit == .percent)
        #expect(Measurand.powerFactor.unit == MeterUnit.none)
        #expect(Measurand.other("Energy.Total").unit == nil)
        // The 22 of OCPP 1.6 and the 5 net and apparent registers 2.0.1 adds.
        #expect(Measurand.metered.count == 27)
        #expect(Measurand.metered.allSatisfy { $0.unit != nil })
    }
}
