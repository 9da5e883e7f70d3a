import Foundation
import OCPP
import Testing

@testable import ChargePointManagement

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
            Fixture.sample("", .voltage, unit: .volts),
            Fixture.sample("abc", .currentImport, unit: .amperes),
            Fixture.sample("nan", .currentImport, unit: .amperes),
            Fixture.sample("0x10", .currentImport, unit: .amperes),
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
            Fixture.sample("AB12CD", .energyActiveImportRegister, format: .signedData),
            Fixture.sample("5000", .energyActiveImportRegister, unit: .wattHours, format: .raw),
        ])
        #expect(result.samples.count == 1)
        #expect(result[.energyActiveImportRegister]?.value == 5000)
        #expect(result.warnings.isEmpty)
    }

    @Test func unknownMeasurandsPhasesLocationsAndUnitsAreIgnoredWithAWarning() {
        let result = Fixture.normalise([
            Fixture.sample("1", .unrecognized("Energy.Total")),
            Fixture.sample("1", .currentImport, unit: .amperes, phase: .unrecognized("L4")),
            Fixture.sample("1", .currentImport, unit: .amperes, location: .unrecognized("Roof")),
            Fixture.sample("1", .currentImport, unit: .unrecognized("mA")),
            Fixture.sample("1", .energyActiveImportRegister, unit: .amperes),
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

    @Test func theMisspeltCelciusIsCelsiusAndNamedSoInWarnings() {
        let result = Fixture.normalise([
            Fixture.sample("21.5", .temperature, unit: .celcius),
            Fixture.sample("1", .energyActiveImportRegister, unit: .celcius),
            Fixture.sample("1", .temperature, unit: .unrecognized("celcius")),
        ])
        #expect(result[.temperature]?.value == 21.5)
        #expect(result[.temperature]?.unit == .celsius)
        #expect(result.samples.count == 1)
        #expect(
            result.warnings == [
                "ignored Energy.Active.Import.Register value \"1\": unit \"Celsius\" does not fit the measurand",
                "ignored Temperature value \"1\": unknown unit \"celcius\"",
            ])
    }

    @Test func contextsAreKeptOnEachReading() {
        let contexts: [ReadingContext] = [
            .samplePeriodic, .sampleClock, .transactionBegin, .transactionEnd, .trigger, .interruptionBegin,
            .interruptionEnd, .other,
        ]
        #expect(contexts.count == ReadingContext.spellings.count)
        for context in contexts {
            let result = Fixture.normalise([Fixture.sample("10", .energyActiveImportRegister, context: context)])
            #expect(result[.energyActiveImportRegister]?.context == context)
            #expect(result.samples.first?.context == context)
        }
        let unknown = Fixture.normalise([Fixture.sample("10", context: .unrecognized("Sample.Random"))])
        #expect(unknown[.energyActiveImportRegister]?.context == .other)
        #expect(
            unknown.warnings == [
                "Energy.Active.Import.Register value \"10\" has unknown context \"Sample.Random\": kept as Other"
            ])
    }

    @Test func powerAndEnergyAreSummedOverPhases() {
        let result = Fixture.normalise([
            Fixture.sample("3.68", .powerActiveImport, unit: .kilowatts, phase: .l1),
            Fixture.sample("3680", .powerActiveImport, unit: .watts, phase: .l2),
            Fixture.sample("3.5", .powerActiveImport, unit: .kilowatts, phase: .l3),
            Fixture.sample("12", .powerActiveImport, unit: .watts, phase: .n),
            Fixture.sample("1000", .energyActiveImportRegister, unit: .wattHours, phase: .l1),
            Fixture.sample("2", .energyActiveImportRegister, unit: .kilowattHours, phase: .l2),
        ])
        let power = result[.powerActiveImport]
        // 3.68 kW is 3680.0000000000005 W in binary floating point.
        #expect(abs((power?.value ?? 0) - 10_860) < 1e-9)
        #expect(power?.source == .sumOfPhases)
        #expect(power?.phases.map(\.phase) == [.l1, .l2, .l3, .n])
        #expect(power?.phases.map { $0.value.rounded() } == [3680, 3680, 3500, 12])
        #expect(result[.energyActiveImportRegister]?.value == 3000)
    }

    @Test func currentIsAveragedOverThePhasesThatReport() {
        let result = Fixture.normalise([
            Fixture.sample("15.5", .currentImport, unit: .amperes, phase: .l1),
            Fixture.sample("16.5", .currentImport, unit: .amperes, phase: .l3),
            Fixture.sample("0.4", .currentImport, unit: .amperes, phase: .n),
        ])
        let current = result[.currentImport]
        #expect(current?.value == 16)
        #expect(current?.source == .averageOfPhases)
        #expect(current?.phases.count == 3)
    }

    @Test func lineToNeutralPhasesCountAsTheirLine() {
        let result = Fixture.normalise([
            Fixture.sample("228", .voltage, unit: .volts, phase: .l1N),
            Fixture.sample("230", .voltage, unit: .volts, phase: .l2N),
            Fixture.sample("232", .voltage, unit: .volts, phase: .l3),
        ])
        #expect(result[.voltage]?.value == 230)
    }

    @Test func lineToLineVoltagesAreConvertedToLineToNeutralBeforeAveraging() throws {
        let result = Fixture.normalise([
            Fixture.sample("398", .voltage, unit: .volts, phase: .l1L2),
            Fixture.sample("400", .voltage, unit: .volts, phase: .l2L3),
            Fixture.sample("402", .voltage, unit: .volts, phase: .l3L1),
        ])
        let voltage = try #require(result[.voltage])
        #expect(abs(voltage.value - 400 / 3.0.squareRoot()) < 1e-9)
        #expect(voltage.source == .averageOfPhases)
        #expect(voltage.phases.map(\.value) == [398, 400, 402])
    }

    @Test func lineToNeutralVoltagesWinOverLineToLine() {
        let result = Fixture.normalise([
            Fixture.sample("400", .voltage, unit: .volts, phase: .l1L2),
            Fixture.sample("231", .voltage, unit: .volts, phase: .l1N),
        ])
        #expect(result[.voltage]?.value == 231)
    }

    @Test func aPhaselessValueWinsOverTheCombinationOfPhases() {
        let result = Fixture.normalise([
            Fixture.sample("3000", .powerActiveImport, unit: .watts, phase: .l1),
            Fixture.sample("3000", .powerActiveImport, unit: .watts, phase: .l2),
            Fixture.sample("6100", .powerActiveImport, unit: .watts),
        ])
        let power = result[.powerActiveImport]
        #expect(power?.value == 6100)
        #expect(power?.source == .phaseless)
        #expect(power?.phases.map(\.value) == [3000, 3000])
    }

    @Test func aPhaseReportedTwiceCountsOnceWithTheLaterValue() {
        let result = Fixture.normalise([
            Fixture.sample("10", .currentImport, unit: .amperes, phase: .l1),
            Fixture.sample("12", .currentImport, unit: .amperes, phase: .l1N),
            Fixture.sample("14", .currentImport, unit: .amperes, phase: .l2),
        ])
        #expect(result[.currentImport]?.value == 13)
    }

    @Test func outletOrNoLocationIsTheConnectorFigureAndInletOnlyAFallback() {
        let result = Fixture.normalise([
            Fixture.sample("9000", .powerActiveImport, unit: .watts, location: .inlet),
            Fixture.sample("7000", .powerActiveImport, unit: .watts, location: .outlet),
            Fixture.sample("3", .currentImport, unit: .amperes, location: .inlet),
        ])
        #expect(result[.powerActiveImport]?.value == 7000)
        #expect(result[.powerActiveImport]?.location == .outlet)
        #expect(result[.currentImport]?.value == 3)
        #expect(result[.currentImport]?.location == .inlet)
        #expect(result.samples.count == 3)
    }

    @Test func stateOfChargeComesFromTheCar() {
        let result = Fixture.normalise([
            Fixture.sample("10", .soc, unit: .percent, location: .outlet),
            Fixture.sample("64", .soc, unit: .percent, location: .ev),
        ])
        #expect(result[.soc]?.value == 64)
        #expect(result[.soc]?.unit == .percent)
        #expect(result[.soc]?.location == .ev)
    }

    @Test func eachMeterValueOfAMessageKeepsItsOwnTimestamp() {
        let later = MeterValueFixtures.time.addingTimeInterval(60)
        let results = MeterValueNormaliser.normalise([
            MeterValue(timestamp: Fixture.time, sampledValue: [Fixture.sample("100")]),
            MeterValue(timestamp: later, sampledValue: [Fixture.sample("200")]),
        ])
        #expect(results.map(\.timestamp) == [Fixture.time, later])
        #expect(results.map { $0[.energyActiveImportRegister]?.timestamp } == [Fixture.time, later])
    }
}
