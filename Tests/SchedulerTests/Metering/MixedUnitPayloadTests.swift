import Foundation
import Testing

@testable import Scheduler

/// A MeterValues payload in the style of the one the Home Assistant OCPP integration's test suite
/// sends (reconstructed, not copied): energy in Wh and kWh, power in kW, empty values, values
/// without a measurand, per-phase current and voltage.
@Suite struct MixedUnitPayloadTests {
    typealias Fixture = MeterValueFixtures

    static let payload: [SampledValueInput] = [
        Fixture.sample("1305.570", "Energy.Active.Import.Register", unit: "kWh", location: "Outlet"),
        Fixture.sample("11.040", "Power.Active.Import", unit: "kW", location: "Outlet"),
        Fixture.sample("", "Power.Reactive.Import", unit: "var"),
        Fixture.sample("16.000", "Current.Offered", unit: "A"),
        Fixture.sample("15.900", "Current.Import", unit: "A", phase: "L1", location: "Outlet"),
        Fixture.sample("16.100", "Current.Import", unit: "A", phase: "L2", location: "Outlet"),
        Fixture.sample("16.000", "Current.Import", unit: "A", phase: "L3", location: "Outlet"),
        Fixture.sample("0.000", "Current.Import", unit: "A", phase: "N", location: "Outlet"),
        Fixture.sample("228.0", "Voltage", unit: "V", phase: "L1-N", location: "Outlet"),
        Fixture.sample("230.0", "Voltage", unit: "V", phase: "L2-N", location: "Outlet"),
        Fixture.sample("", "Voltage", unit: "V", phase: "L3-N", location: "Outlet"),
        Fixture.sample("1305570"),
        Fixture.sample("1.250", "Energy.Active.Import.Interval", unit: "kWh"),
        Fixture.sample("", "Temperature", unit: "Celsius"),
        Fixture.sample("305.15", "Temperature", unit: "K", location: "Body"),
        Fixture.sample("55", "SoC", unit: "Percent", location: "EV"),
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
        #expect(current.phases.map(\.phase) == [.l1, .l2, .l3, .neutral])
        #expect(result[.voltage]?.value == 229)
        #expect(result[.voltage]?.phases.count == 2)
        #expect(result[.energyActiveImportInterval]?.value == 1250)
        let temperature = try #require(result[.temperature])
        #expect(abs(temperature.value - 32) < 1e-9)
        #expect(temperature.unit == .celsius)
        #expect(temperature.location == .body)
        #expect(result[.stateOfCharge]?.value == 55)
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
