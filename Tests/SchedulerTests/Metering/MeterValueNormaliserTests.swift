import Foundation
import Testing

@testable import Scheduler

@Suite struct MeterValueNormaliserTests {
    typealias Fixture = MeterValueFixtures

    @Test func aValueWithoutMeasurandOrUnitIsTheImportRegisterInWattHours() {
        let result = Fixture.normalise([Fixture.sample("1022.5")])
        let reading = result[.energyActiveImportRegister]
        #expect(reading?.value == 1022.5)
        #expect(reading?.unit == .wattHour)
        #expect(reading?.source == .phaseless)
        #expect(reading?.context == .samplePeriodic)
        #expect(reading?.timestamp == Fixture.time)
        #expect(result.warnings.isEmpty)
    }

    @Test func emptyAndNonNumericValuesAreIgnoredWithAWarning() {
        let result = Fixture.normalise([
            Fixture.sample("", "Voltage", unit: "V"),
            Fixture.sample("abc", "Current.Import", unit: "A"),
            Fixture.sample("nan", "Current.Import", unit: "A"),
            Fixture.sample("0x10", "Current.Import", unit: "A"),
        ])
        #expect(result.samples.isEmpty)
        #expect(result.readings.isEmpty)
        #expect(
            result.warnings == [
                "ignored an empty Voltage value",
                "ignored Current.Import value \"abc\": not a number",
                "ignored Current.Import value \"nan\": not a number",
                "ignored Current.Import value \"0x10\": not a number",
            ])
    }

    @Test func signedDataIsSkippedSilently() {
        let result = Fixture.normalise([
            Fixture.sample("AB12CD", "Energy.Active.Import.Register", format: "SignedData"),
            Fixture.sample("5000", "Energy.Active.Import.Register", unit: "Wh", format: "Raw"),
        ])
        #expect(result.samples.count == 1)
        #expect(result[.energyActiveImportRegister]?.value == 5000)
        #expect(result.warnings.isEmpty)
    }

    @Test func unknownMeasurandsPhasesLocationsAndUnitsAreIgnoredWithAWarning() {
        let result = Fixture.normalise([
            Fixture.sample("1", "Energy.Total"),
            Fixture.sample("1", "Current.Import", unit: "A", phase: "L4"),
            Fixture.sample("1", "Current.Import", unit: "A", location: "Roof"),
            Fixture.sample("1", "Current.Import", unit: "mA"),
            Fixture.sample("1", "Energy.Active.Import.Register", unit: "A"),
        ])
        #expect(result.samples.isEmpty)
        #expect(
            result.warnings == [
                "ignored a value of unknown measurand \"Energy.Total\"",
                "ignored Current.Import value \"1\": unknown phase \"L4\"",
                "ignored Current.Import value \"1\": unknown location \"Roof\"",
                "ignored Current.Import value \"1\": unknown unit \"mA\"",
                "ignored Energy.Active.Import.Register value \"1\": unit \"A\" does not fit the measurand",
            ])
    }

    @Test func contextsAreKeptOnEachReading() {
        let contexts = [
            "Sample.Periodic", "Sample.Clock", "Transaction.Begin", "Transaction.End", "Trigger",
            "Interruption.Begin", "Interruption.End", "Other",
        ]
        for context in contexts {
            let result = Fixture.normalise([Fixture.sample("10", "Energy.Active.Import.Register", context: context)])
            #expect(result[.energyActiveImportRegister]?.context.rawValue == context)
            #expect(result.samples.first?.context.rawValue == context)
        }
        let unknown = Fixture.normalise([Fixture.sample("10", context: "Sample.Random")])
        #expect(unknown[.energyActiveImportRegister]?.context == .other)
        #expect(
            unknown.warnings == [
                "Energy.Active.Import.Register value \"10\" has unknown context \"Sample.Random\": kept as Other"
            ])
    }

    @Test func powerAndEnergyAreSummedOverPhases() {
        let result = Fixture.normalise([
            Fixture.sample("3.68", "Power.Active.Import", unit: "kW", phase: "L1"),
            Fixture.sample("3680", "Power.Active.Import", unit: "W", phase: "L2"),
            Fixture.sample("3.5", "Power.Active.Import", unit: "kW", phase: "L3"),
            Fixture.sample("12", "Power.Active.Import", unit: "W", phase: "N"),
            Fixture.sample("1000", "Energy.Active.Import.Register", unit: "Wh", phase: "L1"),
            Fixture.sample("2", "Energy.Active.Import.Register", unit: "kWh", phase: "L2"),
        ])
        let power = result[.powerActiveImport]
        // 3.68 kW is 3680.0000000000005 W in binary floating point.
        #expect(abs((power?.value ?? 0) - 10_860) < 1e-9)
        #expect(power?.source == .sumOfPhases)
        #expect(power?.phases.map(\.phase) == [.l1, .l2, .l3, .neutral])
        #expect(power?.phases.map { $0.value.rounded() } == [3680, 3680, 3500, 12])
        #expect(result[.energyActiveImportRegister]?.value == 3000)
    }

    @Test func currentIsAveragedOverThePhasesThatReport() {
        let result = Fixture.normalise([
            Fixture.sample("15.5", "Current.Import", unit: "A", phase: "L1"),
            Fixture.sample("16.5", "Current.Import", unit: "A", phase: "L3"),
            Fixture.sample("0.4", "Current.Import", unit: "A", phase: "N"),
        ])
        let current = result[.currentImport]
        #expect(current?.value == 16)
        #expect(current?.source == .averageOfPhases)
        #expect(current?.phases.count == 3)
    }

    @Test func lineToNeutralPhasesCountAsTheirLine() {
        let result = Fixture.normalise([
            Fixture.sample("228", "Voltage", unit: "V", phase: "L1-N"),
            Fixture.sample("230", "Voltage", unit: "V", phase: "L2-N"),
            Fixture.sample("232", "Voltage", unit: "V", phase: "L3"),
        ])
        #expect(result[.voltage]?.value == 230)
    }

    @Test func lineToLineVoltagesAreConvertedToLineToNeutralBeforeAveraging() throws {
        let result = Fixture.normalise([
            Fixture.sample("398", "Voltage", unit: "V", phase: "L1-L2"),
            Fixture.sample("400", "Voltage", unit: "V", phase: "L2-L3"),
            Fixture.sample("402", "Voltage", unit: "V", phase: "L3-L1"),
        ])
        let voltage = try #require(result[.voltage])
        #expect(abs(voltage.value - 400 / 3.0.squareRoot()) < 1e-9)
        #expect(voltage.source == .averageOfPhases)
        #expect(voltage.phases.map(\.value) == [398, 400, 402])
    }

    @Test func lineToNeutralVoltagesWinOverLineToLine() {
        let result = Fixture.normalise([
            Fixture.sample("400", "Voltage", unit: "V", phase: "L1-L2"),
            Fixture.sample("231", "Voltage", unit: "V", phase: "L1-N"),
        ])
        #expect(result[.voltage]?.value == 231)
    }

    @Test func aPhaselessValueWinsOverTheCombinationOfPhases() {
        let result = Fixture.normalise([
            Fixture.sample("3000", "Power.Active.Import", unit: "W", phase: "L1"),
            Fixture.sample("3000", "Power.Active.Import", unit: "W", phase: "L2"),
            Fixture.sample("6100", "Power.Active.Import", unit: "W"),
        ])
        let power = result[.powerActiveImport]
        #expect(power?.value == 6100)
        #expect(power?.source == .phaseless)
        #expect(power?.phases.map(\.value) == [3000, 3000])
    }

    @Test func aPhaseReportedTwiceCountsOnceWithTheLaterValue() {
        let result = Fixture.normalise([
            Fixture.sample("10", "Current.Import", unit: "A", phase: "L1"),
            Fixture.sample("12", "Current.Import", unit: "A", phase: "L1-N"),
            Fixture.sample("14", "Current.Import", unit: "A", phase: "L2"),
        ])
        #expect(result[.currentImport]?.value == 13)
    }

    @Test func outletOrNoLocationIsTheConnectorFigureAndInletOnlyAFallback() {
        let result = Fixture.normalise([
            Fixture.sample("9000", "Power.Active.Import", unit: "W", location: "Inlet"),
            Fixture.sample("7000", "Power.Active.Import", unit: "W", location: "Outlet"),
            Fixture.sample("3", "Current.Import", unit: "A", location: "Inlet"),
        ])
        #expect(result[.powerActiveImport]?.value == 7000)
        #expect(result[.powerActiveImport]?.location == .outlet)
        #expect(result[.currentImport]?.value == 3)
        #expect(result[.currentImport]?.location == .inlet)
        #expect(result.samples.count == 3)
    }

    @Test func stateOfChargeComesFromTheCar() {
        let result = Fixture.normalise([
            Fixture.sample("10", "SoC", unit: "Percent", location: "Outlet"),
            Fixture.sample("64", "SoC", unit: "Percent", location: "EV"),
        ])
        #expect(result[.stateOfCharge]?.value == 64)
        #expect(result[.stateOfCharge]?.unit == .percent)
        #expect(result[.stateOfCharge]?.location == .ev)
    }

    @Test func eachMeterValueOfAMessageKeepsItsOwnTimestamp() {
        let later = MeterValueFixtures.time.addingTimeInterval(60)
        let results = MeterValueNormaliser.normalise([
            MeterValueInput(timestamp: Fixture.time, sampledValues: [Fixture.sample("100")]),
            MeterValueInput(timestamp: later, sampledValues: [Fixture.sample("200")]),
        ])
        #expect(results.map(\.timestamp) == [Fixture.time, later])
        #expect(results.map { $0[.energyActiveImportRegister]?.timestamp } == [Fixture.time, later])
    }
}
