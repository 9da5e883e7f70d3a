import ChargingModel
import Chronology
import Foundation
import Testing

@testable import Tariffs

@Suite struct NormalizationAndScheduleTests {
    func date(_ text: String) -> Date { RFC3339.parse(text)! }

    @Test func overlapsAreCutAtTheLaterStartAndGapsStayGaps() throws {
        let slots = [
            PriceSlot(start: date("2026-12-03T01:00:00Z"), end: date("2026-12-03T02:00:00Z"), price: 3),
            PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T01:30:00Z"), price: 1),
            PriceSlot(start: date("2026-12-03T03:00:00Z"), end: date("2026-12-03T04:00:00Z"), price: 4),
            PriceSlot(start: date("2026-12-03T03:00:00Z"), end: date("2026-12-03T03:15:00Z"), price: 5),
        ]
        #expect(
            try PriceSlotNormalization.normalized(slots, priceRange: -10...10) == [
                PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T01:00:00Z"), price: 1),
                PriceSlot(start: date("2026-12-03T01:00:00Z"), end: date("2026-12-03T02:00:00Z"), price: 3),
                PriceSlot(start: date("2026-12-03T03:00:00Z"), end: date("2026-12-03T03:15:00Z"), price: 5),
            ])
        #expect(throws: TariffFetchError("slot 1: price 20.0 out of range")) {
            try PriceSlotNormalization.normalized(
                [PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T01:00:00Z"), price: 20)],
                priceRange: -10...10)
        }
        #expect(throws: TariffFetchError("slot 1: its end is not after its start")) {
            try PriceSlotNormalization.normalized(
                [PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T00:00:00Z"), price: 1)],
                priceRange: -10...10)
        }
    }

    @Test func theFormulaGivesTheConsumerPrice() {
        #expect(abs(PriceFormula(factor: 1, add: 0.12, vat: 0.19).consumerPrice(spot: 0.1) - 0.2618) < 1e-12)
        #expect(PriceFormula().consumerPrice(spot: -0.05) == -0.05)
    }

    @Test func hourlyInTheMorningEveryQuarterHourInTheAfternoonUntilTomorrowIsKnown() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let schedule = TariffRefreshSchedule(refresh: 3600, retry: 60, timeZone: berlin)
        // 10:00 Berlin: hourly, whatever is known.
        #expect(schedule.delay(now: date("2026-12-03T09:00:00Z"), consecutiveFailures: 0, knownUntil: nil) == 3600)
        // 14:00 Berlin with prices until midnight: tomorrow is missing.
        let afternoon = date("2026-12-03T13:00:00Z")
        #expect(schedule.delay(now: afternoon, consecutiveFailures: 0, knownUntil: date("2026-12-03T23:00:00Z")) == 900)
        // Tomorrow known until its end: hourly again.
        #expect(
            schedule.delay(now: afternoon, consecutiveFailures: 0, knownUntil: date("2026-12-04T23:00:00Z")) == 3600)
    }

    @Test func failuresBackOffByDoublingUpToTheRefresh() {
        let schedule = TariffRefreshSchedule(refresh: 3600, retry: 60, timeZone: TimeZone(identifier: "UTC")!)
        let now = date("2026-12-03T09:00:00Z")
        #expect(
            (1...8).map { schedule.delay(now: now, consecutiveFailures: $0, knownUntil: nil) } == [
                60, 120, 240, 480, 960, 1920, 3600, 3600,
            ])
    }
}
