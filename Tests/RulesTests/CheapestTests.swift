import ChargingModel
import Chronology
import Foundation
import Testing

@testable import Rules

@Suite struct CheapestTests {
    typealias F = RuleFixture

    /// Prices by local hour (every quarter of an hour costs the hour's price).
    private func hourly(_ prices: [Int: Double], otherwise: Double = 0.30) -> PriceLookup {
        PriceLookup { date in prices[LocalTime(date, in: F.amsterdam).hour] ?? otherwise }
    }

    private func cheapest(_ condition: String, at local: String, prices: PriceLookup) -> Bool {
        F.decideOne("rule \"c\" { when \(condition) charge }", F.world(at: F.date(local), prices: prices)).charging
            == .charge
    }

    /// The local start times of the chosen slots.
    private func chosen(_ slots: Int, before: Int, at now: Date, prices: PriceLookup) -> [String] {
        let question = CheapestQuestion(slotCount: slots, before: ClockTime(minutes: before)!)
        let (start, indexes) = CheapestSlots.chosenSlots(question, now: now, timeZone: F.amsterdam, prices: prices)
        return indexes.map { index in
            let local = LocalTime(start.addingTimeInterval(Double(index) * 900), in: F.amsterdam)
            return local.dayText.dropFirst(5) + " " + local.clockText
        }
    }

    @Test func theCheapestSlotsAcrossMidnightAreChosen() {
        let prices = hourly([23: 0.10, 2: 0.12, 3: 0.05])
        // Two hours before 07:00: 03:00-04:00 (0.05) and 23:00-24:00 (0.10).
        let chosenSlots = chosen(8, before: 420, at: F.date("2026-11-25 20:00"), prices: prices)
        #expect(
            chosenSlots == [
                "11-25 23:00", "11-25 23:15", "11-25 23:30", "11-25 23:45",
                "11-26 03:00", "11-26 03:15", "11-26 03:30", "11-26 03:45",
            ])
        #expect(cheapest("cheapest 2h before 07:00", at: "2026-11-25 23:30", prices: prices))
        #expect(cheapest("cheapest 2h before 07:00", at: "2026-11-26 03:45", prices: prices))
        #expect(!cheapest("cheapest 2h before 07:00", at: "2026-11-26 02:30", prices: prices))
        #expect(!cheapest("cheapest 2h before 07:00", at: "2026-11-26 04:00", prices: prices))
    }

    @Test func tiesGoToTheLaterSlot() {
        // A flat tariff: the last hour before the deadline.
        let chosenSlots = chosen(4, before: 420, at: F.date("2026-11-25 20:00"), prices: .constant(0.2))
        #expect(chosenSlots == ["11-26 06:00", "11-26 06:15", "11-26 06:30", "11-26 06:45"])
    }

    @Test func durationsRoundUpToWholeSlots() {
        #expect(
            F.ruleSet(#"rule "c" { when cheapest 20m before 07:00 charge }"#).cheapestQuestions == [
                CheapestQuestion(slotCount: 2, before: ClockTime("07:00")!)
            ])
    }

    @Test func theWindowIsTheTwentyFourHoursEndingAtTheNextDeadline() {
        let prices = hourly([10: 0.01])
        // At 08:00 the next 07:00 is tomorrow; today's 10:00 is in the window.
        #expect(chosen(1, before: 420, at: F.date("2026-11-25 08:00"), prices: prices) == ["11-25 10:45"])
        // At 06:00 the window ends at 07:00 today and began yesterday at 07:00.
        #expect(chosen(1, before: 420, at: F.date("2026-11-25 06:00"), prices: prices) == ["11-24 10:45"])
        // Exactly at the deadline the next window starts.
        #expect(chosen(1, before: 420, at: F.date("2026-11-25 07:00"), prices: prices) == ["11-25 10:45"])
    }

    @Test func slotsWithoutAPriceAreNeverChosen() {
        let prices = PriceLookup { date in LocalTime(date, in: F.amsterdam).hour == 5 ? 0.5 : nil }
        #expect(
            chosen(2, before: 420, at: F.date("2026-11-25 20:00"), prices: prices) == ["11-26 05:30", "11-26 05:45"])
    }

    @Test func theWindowAcrossTheAutumnClockChangeIsTwentyFourRealHours() {
        // 2026-10-25 03:00 CEST becomes 02:00 CET. The 24 hours ending at 07:00 CET began at
        // 08:00 CEST the day before, so 07:00-08:00 on the 24th is outside the window.
        let prices = hourly([7: 0.01, 4: 0.02])
        let now = F.date("2026-10-24 20:00")
        #expect(
            chosen(4, before: 420, at: now, prices: prices) == [
                "10-25 04:00", "10-25 04:15", "10-25 04:30", "10-25 04:45",
            ])
        // The repeated hour 02:00-03:00 is priced twice; both occurrences are slots of their own.
        let repeated = hourly([2: 0.01])
        let both = chosen(8, before: 420, at: now, prices: repeated)
        #expect(
            both == [
                "10-25 02:00", "10-25 02:15", "10-25 02:30", "10-25 02:45",
                "10-25 02:00", "10-25 02:15", "10-25 02:30", "10-25 02:45",
            ])
    }

    @Test func theWindowAcrossTheSpringClockChangeIsTwentyFourRealHours() {
        // 2026-03-29 02:00 CET becomes 03:00 CEST: the window ending at 07:00 CEST began at
        // 06:00 CET the day before, so it holds 06:00-07:00 on the 28th.
        let prices = hourly([6: 0.01])
        let chosenSlots = chosen(8, before: 420, at: F.date("2026-03-28 20:00"), prices: prices)
        #expect(
            chosenSlots == [
                "03-28 06:00", "03-28 06:15", "03-28 06:30", "03-28 06:45",
                "03-29 06:00", "03-29 06:15", "03-29 06:30", "03-29 06:45",
            ])
    }

    @Test func aDeadlineInTheSkippedHourMovesToTheNextExistingTime() {
        let deadline = ClockTime("02:30")!.nextOccurrence(after: F.date("2026-03-29 01:00"), in: F.amsterdam)
        #expect(deadline == Date(timeIntervalSince1970: 1_774_746_000))  // 2026-03-29T01:00:00Z = 03:00 CEST
    }

    @Test func pricesFromSlotsFallBackToTheOtherLookup() {
        let start = F.date("2026-11-25 00:00")
        let lookup = PriceLookup(
            slots: [PriceSlot(start: start, end: start.addingTimeInterval(3600), price: 0.12)],
            otherwise: .constant(0.30))
        #expect(lookup.price(at: start) == 0.12)
        #expect(lookup.price(at: start.addingTimeInterval(3599)) == 0.12)
        #expect(lookup.price(at: start.addingTimeInterval(3600)) == 0.30)
        #expect(lookup.price(at: start.addingTimeInterval(-1)) == 0.30)
    }
}
