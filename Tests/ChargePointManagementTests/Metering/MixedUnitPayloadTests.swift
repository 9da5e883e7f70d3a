import Foundation
import OCPP
import Testing

@testable import ChargePointManagement

/// A MeterValues payload in the style of the one the Home Assistant OCPP integration's test suite
/// sends (reconstructed, not copied): energy in Wh and kWh, power in kW, empty values, values
/// without a measurand, per-phase current and voltage.
@Suite struct MixedUnitPayloadTests {
    typealias Fixture = MeterValueFixtures

    static let payload: [SampledValue] = [
        Fixture.sample("1305.570", .energyActiveImportRegister, unit: .kilowattHours, location: .outlet),
        Fixture.sample("11.040", .powerActiveImport, unit: .kilowatts, location: .outlet),
        Fixture.sample("", .powerReactiveImport, unit: .vars),
        Fixture.sample("16.000", .currentOffered, unit: .amperes),
        Fixture.sample("15.900", .currentImport, unit: .amperes, phase: .l1, location: .outlet),
        Fixture.sample("16.100", .currentImport, unit: .amperes, phase: .l2, location: .outlet),
        Fixture.sample("16.000", .currentImport, unit: .amperes, phase: .l3, location: .outlet),
        Fixture.sample("0.000", .currentImport, unit: .amperes, phase: .n, location: .outlet),
        Fixture.sample("228.0", .voltage, unit: .volts, phase: .l1N, location: .outlet),
        Fixture.sample("230.0", .voltage, unit: .volts, phase: .l2N, location: .outlet),
        Fixture.sample("", .voltage, unit: .volts, phase: .l3N, location: .outlet),
        Fixture.sample("1305570"),
        Fixture.sample("1.250", .energyActiveImportInterval, unit: .kilowattHours),
        Fixture.sample("", .temperature, unit: .celsius),
        Fixture.sample("305.15", .temperature, unit: .kelvin, location: .body),
        Fixture.sample("55", .soc, unit: .percent, location: .ev),
    ]

    @Test func everyValueIsNormalisedAndCombined() throws {
        let result = Fixture.normalise(Self.payload)
        let energy = try #require(result[.energyActiveImportRegister])
        #expect(energy.value == 1_305_570)
        #expect(energy.unit == .wattHour)
        #expect(result[.powerActiveImport]?.value == 11_040)
        #expect(result[.powerActiveImport]?.unit == .watt)
        #expect(result[.powerReactiveImport] == nil)
        #expect(result[.currentOffered]?.value == 16)
        let current = try #require(result[.currentImport])
        #expect(abs(current.value - 16) < 1e-9)
        #expect(current.source == .averageOfPhases)
        #expect(current.phases.map(\.phase) == [.l1, .l2, .l3, .n])
        #expect(result[.voltage]?.value == 229)
        #expect(result[.voltage]?.phases.count == 2)
        #expect(result[.energyActiveImportInterval]?.value == 1250)
        let temperature = try #require(result[.temperature])
        #expect(abs(temperature.value - 32) < 1e-9)
        #expect(temperature.unit == .celsius)
        #expect(temperature.location == .body)
        #expect(result[.soc]?.value == 55)
        #expect(result.samples.count == 13)
        #expect(
            result.warnings == [
                "ignored an empty Power.Reactive.Import value",
                "ignored an empty Voltage value",
                "ignored an empty Temperature value",
            ])
    }

    @Test func theValueWithoutMeasurandIsTheSameRegisterInWattHours() {
        let result = Fixture.normalise(Self.payload)
        let registers = result.samples.filter { $0.measurand == .energyActiveImportRegister }
        #expect(registers.map(\.value) == [1_305_570, 1_305_570])
        #expect(registers.map(\.location) == [.outlet, nil])
        #expect(registers.allSatisfy { $0.unit == .wattHour })
    }
}
