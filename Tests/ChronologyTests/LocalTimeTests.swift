import Chronology
import Foundation
import TestSupport
import Testing

@Suite struct LocalTimeTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    @Test(arguments: [
        "Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe",
        "Pacific/Apia", "America/Sao_Paulo", "UTC",
    ])
    func readsWhatCalendarReads(_ identifier: String) async throws {
        let zone = try #require(TimeZone(identifier: identifier))
        // Thousands of Calendar calls: off the concurrency pool, which other tests' servers need.
        let wrong = try await offPool { Self.differencesFromCalendar(in: zone) }
        #expect(wrong.isEmpty)
    }

    static func differencesFromCalendar(in zone: TimeZone) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // Every 3 days 7 h 45 min 17.25 s for 40 years (every hour of every weekday), and a
        // second before, at and after every daylight saving change in that time.
        var instants: [Date] = []
        var seconds = 946_684_800.0
        while seconds < 2_208_988_800 {
            instants.append(Date(timeIntervalSince1970: seconds))
            seconds += 287_117.25
        }
        var transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 946_684_800))
        while let change = transition, change.timeIntervalSince1970 < 2_208_988_800 {
            instants += [-1, 0, 1].map { change.addingTimeInterval($0) }
            transition = zone.nextDaylightSavingTimeTransition(after: change)
        }
        var wrong: [String] = []
        for instant in instants where wrong.count < 5 {
            let local = LocalTime(instant, in: zone)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second, .weekday], from: instant)
            let expected = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? -1 }
            let actual = [
                Int(local.date.year), Int(local.date.month), Int(local.date.day), local.hour, local.minute,
                local.second,
            ]
            // Calendar numbers weekdays Sunday = 1.
            if actual != expected || (local.weekday.rawValue % 7) + 1 != parts.weekday {
                wrong.append("\(instant): \(actual) \(local.weekday), Calendar \(expected) \(parts.weekday ?? 0)")
            }
        }
        return wrong
    }

    @Test func showsDayClockAndTimestampWhateverTheLocale() {
        // 2026-11-25T06:30:05.75Z is 07:30:05 in Amsterdam (CET, +01:00).
        let local = LocalTime(Date(timeIntervalSince1970: 1_795_588_205.75), in: Self.amsterdam)
        #expect(local.dayText == "2026-11-25")
        #expect(local.clockText == "07:30")
        #expect(local.timestampText == "2026-11-25 07:30:05")
        #expect(local.utcOffsetText == "+01:00")
        #expect(local.weekday == .wednesday)
        #expect(local.secondsOfDay == 27_005.75)
    }

    @Test func showsTheOffsetOfTheInstant() throws {
        let summer = LocalTime(Date(timeIntervalSince1970: 1_782_000_000), in: Self.amsterdam)
        #expect(summer.utcOffsetSeconds == 7200)
        #expect(summer.utcOffsetText == "+02:00")
        let newfoundland = LocalTime(
            Date(timeIntervalSince1970: 1_795_588_205), in: try #require(TimeZone(identifier: "America/St_Johns")))
        #expect(newfoundland.utcOffsetText == "-03:30")
        #expect(
            LocalTime(Date(timeIntervalSince1970: 0), in: try #require(TimeZone(identifier: "UTC"))).utcOffsetText
                == "+00:00")
        #expect(summer.zoneAbbreviation != nil)
    }

    @Test func countsBeforeMidnight1970() throws {
        let local = LocalTime(Date(timeIntervalSince1970: -0.25), in: try #require(TimeZone(identifier: "UTC")))
        #expect(local.timestampText == "1969-12-31 23:59:59")
        #expect(local.fractionOfSecond == 0.75)
    }
}
