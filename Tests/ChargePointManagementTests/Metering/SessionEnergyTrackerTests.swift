import Foundation
import Testing

@testable import ChargePointManagement

@Suite struct SessionEnergyTrackerTests {
    static let start = MeterValueFixtures.time

    func at(_ minutes: Double) -> Date { Self.start.addingTimeInterval(minutes * 60) }

    @Test func aLifetimeRegisterGivesRegisterMinusMeterStart() {
        var tracker = SessionEnergyTracker(transactionId: 7, meterStart: 1_305_570, startedAt: Self.start)
        #expect(tracker.sessionEnergy == 0)
        #expect(tracker.record(register: 1_305_570, at: at(0)) == .recorded)
        #expect(tracker.record(register: 1_307_070, at: at(10)) == .recorded)
        #expect(tracker.mode == .registerSinceMeterStart)
        #expect(tracker.sessionEnergy == 1500)
        tracker.end(meterStop: 1_308_000, at: at(20))
        #expect(tracker.sessionEnergy == 2430)
        #expect(tracker.duration(at: at(99)) == 1200)
    }

    @Test func withoutAMeterStartTheSessionCountsFromItsFirstReading() {
        var tracker = SessionEnergyTracker(transactionId: 8, meterStart: nil, startedAt: Self.start)
        #expect(tracker.sessionEnergy == 0)
        tracker.record(register: 1_305_570, at: at(5))
        #expect(tracker.sessionEnergy == 0)
        #expect(tracker.meterStart == 1_305_570)
        tracker.record(register: 1_307_070, at: at(15))
        #expect(tracker.sessionEnergy == 1500)
        tracker.end(meterStop: 1_308_000, at: at(20))
        #expect(tracker.sessionEnergy == 2430)
    }

    @Test func withoutAMeterStartOrAnyReadingButTheLastTheSessionEnergyIsZero() {
        var tracker = SessionEnergyTracker(transactionId: 9, meterStart: nil, startedAt: Self.start)
        tracker.end(meterStop: 1_308_000, at: at(20))
        #expect(tracker.sessionEnergy == 0)
    }

    @Test func aRegisterSentInKilowattHoursSlightlyBelowMeterStartIsRoundingNotARestart() {
        var tracker = SessionEnergyTracker(transactionId: 1, meterStart: 12_345, startedAt: Self.start)
        let value = MeterValueFixtures.normalise([MeterValueFixtures.sample("12.3", unit: .kilowattHours)])
        #expect(tracker.record(value) == .recorded)
        #expect(tracker.mode == .registerSinceMeterStart)
        #expect(tracker.sessionEnergy == 0)
    }

    @Test func aRegisterThatStartsNearZeroWhileMeterStartIsLargeCountsTheSession() {
        var tracker = SessionEnergyTracker(transactionId: 2, meterStart: 5_000_000, startedAt: Self.start)
        tracker.record(register: 0, at: at(0))
        #expect(tracker.mode == .registerCountsSession)
        tracker.record(register: 4200, at: at(30))
        #expect(tracker.sessionEnergy == 4200)
    }

    @Test func aRegisterBelowMeterStartLaterSwitchesToTheChargersSessionFigure() {
        var tracker = SessionEnergyTracker(transactionId: 3, meterStart: 20_000, startedAt: Self.start)
        tracker.record(register: 500, at: at(1))
        #expect(tracker.mode == .registerCountsSession)
        tracker.record(register: 1_500, at: at(2))
        #expect(tracker.sessionEnergy == 1500)
    }

    @Test func aSmallMeterStartNeedsNoDecision() {
        var tracker = SessionEnergyTracker(transactionId: 4, meterStart: 0, startedAt: Self.start)
        tracker.record(register: 50, at: at(1))
        #expect(tracker.mode == .registerSinceMeterStart)
        #expect(tracker.sessionEnergy == 50)
    }

    @Test func inSessionModeMeterStopIsReadAsWhicheverFigureContinuesTheRegister() {
        var lifetimeStop = SessionEnergyTracker(transactionId: 5, meterStart: 20_000, startedAt: Self.start)
        lifetimeStop.record(register: 3_000, at: at(10))
        lifetimeStop.end(meterStop: 23_100, at: at(11))
        #expect(lifetimeStop.sessionEnergy == 3100)

        var sessionStop = SessionEnergyTracker(transactionId: 6, meterStart: 20_000, startedAt: Self.start)
        sessionStop.record(register: 3_000, at: at(10))
        sessionStop.end(meterStop: 3_100, at: at(11))
        #expect(sessionStop.sessionEnergy == 3100)
    }

    @Test func theSessionEnergyIsNeverNegative() {
        var tracker = SessionEnergyTracker(transactionId: 8, meterStart: 1000, startedAt: Self.start)
        tracker.record(register: 950, at: at(1))
        #expect(tracker.mode == .registerSinceMeterStart)
        #expect(tracker.sessionEnergy == 0)
        tracker.end(meterStop: 990, at: at(2))
        #expect(tracker.sessionEnergy == 0)
    }

    @Test func valuesAfterTheEndDoNotReopenTheTransaction() {
        var tracker = SessionEnergyTracker(transactionId: 9, meterStart: 1000, startedAt: Self.start)
        tracker.record(register: 2000, at: at(5))
        tracker.end(meterStop: 2500, at: at(6))
        #expect(tracker.isEnded)
        #expect(tracker.record(register: 9000, at: at(7)) == .ignoredAfterEnd)
        let late = MeterValueFixtures.normalise([MeterValueFixtures.sample("9000")], at: at(8))
        #expect(tracker.record(late) == .ignoredAfterEnd)
        tracker.end(meterStop: 9000, at: at(9))
        #expect(tracker.isEnded)
        #expect(tracker.sessionEnergy == 1500)
        #expect(tracker.endedAt == at(6))
        #expect(tracker.lastRegister == 2000)
    }

    @Test func aMeterValueWithoutTheRegisterChangesNothing() {
        var tracker = SessionEnergyTracker(transactionId: 10, meterStart: 1000, startedAt: Self.start)
        let value = MeterValueFixtures.normalise([MeterValueFixtures.sample("16", .currentImport, unit: .amperes)])
        #expect(tracker.record(value) == .noEnergyRegister)
        #expect(tracker.lastRegister == nil)
    }

    @Test func theDurationRunsUntilNowWhileOpen() {
        let tracker = SessionEnergyTracker(transactionId: 11, meterStart: 0, startedAt: Self.start)
        #expect(tracker.duration(at: at(90)) == 5400)
        #expect(tracker.duration(at: at(-1)) == 0)
    }
}
