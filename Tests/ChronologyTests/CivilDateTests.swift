import Chronology
import Foundation
import TestSupport
import Testing

@Suite struct CivilDateTests {
    @Test func daysAndDatesConvertBothWaysForEightHundredYears() async throws {
        // 1600-01-01 to 2400-12-31: three 400-year era boundaries, every century rule, every leap day.
        // A second of work: off the concurrency pool, which other tests' servers need.
        let (wrong, last) = try await offPool { () -> ([String], CivilDate) in
            var previous = CivilDate(daysSince1970: -135_141)
            var wrong = previous == CivilDate(year: 1599, month: 12, day: 31) ? [] : ["start \(previous)"]
            for days in Int64(-135_140)...Int64(157_419) where wrong.count < 5 {
                let date = CivilDate(daysSince1970: days)
                // Consecutive days: the next day of the month, or the first of the next month.
                let follows =
                    date.year == previous.year && date.month == previous.month && date.day == previous.day + 1
                    || date.day == 1 && date.year == previous.year && date.month == previous.month + 1
                    || date == CivilDate(year: previous.year + 1, month: 1, day: 1) && previous.month == 12
                if !date.isValid || date.daysSince1970 != days || !follows { wrong.append("\(previous) -> \(date)") }
                previous = date
            }
            return (wrong, previous)
        }
        #expect(wrong.isEmpty)
        #expect(last == CivilDate(year: 2400, month: 12, day: 31))
    }

    @Test func knowsWhichDatesExist() {
        #expect(CivilDate(year: 2024, month: 2, day: 29).isValid)
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 2026, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 2026, month: 4, day: 31).isValid)
        #expect(!CivilDate(year: 2026, month: 13, day: 1).isValid)
        #expect(!CivilDate(year: 2026, month: 1, day: 0).isValid)
    }

    @Test func knowsTheDayOfTheWeek() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(CivilDate(year: 2026, month: 11, day: 25).weekday == .wednesday)
        #expect(CivilDate(year: 2026, month: 11, day: 29).weekday == .sunday)
        #expect(CivilDate(year: 1969, month: 12, day: 29).weekday == .monday)
        #expect(CivilDate(year: 1, month: 1, day: 1).weekday == .monday)
    }
}
