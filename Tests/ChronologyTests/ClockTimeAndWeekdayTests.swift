import Chronology
import Foundation
import Testing

@Suite struct ClockTimeAndWeekdayTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    static func utc(_ text: String) -> Date { RFC3339.parse(text)! }

    @Test func clockTimesParseTwoDigitHoursAndMinutes() {
        #expect(ClockTime("00:00")?.minutes == 0)
        #expect(ClockTime("06:30")?.minutes == 390)
        #expect(ClockTime("23:59")?.minutes == 1439)
        #expect(ClockTime("24:00")?.minutes == 1440)
        for bad in ["24:01", "6:30", "06:3", "06:60", "0630", "06:30:00", "ab:cd", "", "-1:00", "+6:30"] {
            #expect(ClockTime(bad) == nil, "\(bad)")
        }
        #expect(ClockTime("07:05")?.description == "07:05")
        #expect(ClockTime(minutes: 1440) == ClockTime("24:00"))
        #expect(ClockTime(minutes: 1441) == nil)
        #expect(ClockTime(minutes: -1) == nil)
    }

    @Test func theNextOccurrenceIsStrictlyAfterNow() {
        let seven = ClockTime("07:00")!
        #expect(
            seven.nextOccurrence(after: Self.utc("2026-11-25T05:59:00Z"), in: Self.amsterdam)
                == Self.utc("2026-11-25T06:00:00Z"))
        #expect(
            seven.nextOccurrence(after: Self.utc("2026-11-25T06:00:00Z"), in: Self.amsterdam)
                == Self.utc("2026-11-26T06:00:00Z"))
    }

    @Test func midnightIsTheNextOccurrenceOf2400() {
        let end = ClockTime("24:00")!
        #expect(
            end.nextOccurrence(after: Self.utc("2026-11-25T06:00:00Z"), in: Self.amsterdam)
                == Self.utc("2026-11-25T23:00:00Z"))
        #expect(
            end.nextOccurrence(after: Self.utc("2026-11-25T23:00:00Z"), in: Self.amsterdam)
                == Self.utc("2026-11-26T23:00:00Z"))
    }

    @Test func aTimeTheSpringChangeSkipsIsTakenAtTheNextExistingTime() {
        // 2026-03-29 in Amsterdam: 02:00 CET is followed by 03:00 CEST (01:00Z).
        #expect(
            ClockTime("02:30")!.nextOccurrence(after: Self.utc("2026-03-28T23:00:00Z"), in: Self.amsterdam)
                == Self.utc("2026-03-29T01:00:00Z"))
    }

    @Test func aTimeTheAutumnChangeRepeatsIsItsFirstOccurrence() {
        // 2026-10-25 in Amsterdam: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
        #expect(
            ClockTime("02:30")!.nextOccurrence(after: Self.utc("2026-10-24T23:00:00Z"), in: Self.amsterdam)
                == Self.utc("2026-10-25T00:30:00Z"))
    }

    @Test func daySetsReadDaysRangesAndLists() {
        #expect(WeekdaySet("mon..sun") == .everyDay)
        #expect(WeekdaySet("sat,sun")?.days == [.saturday, .sunday])
        #expect(WeekdaySet("mon..wed, sat")?.days == [.monday, .tuesday, .wednesday, .saturday])
        #expect(WeekdaySet("fri..mon")?.days == [.monday, .friday, .saturday, .sunday])
        #expect(WeekdaySet("MON")?.days == [.monday])
        #expect(WeekdaySet("wed..wed")?.days == [.wednesday])
        for bad in ["", "mon..", "..sun", "mon,,tue", "monday", "mon...fri", "mon-fri", "mon..tue..wed"] {
            #expect(WeekdaySet(bad) == nil, "\(bad)")
        }
    }

    @Test func aDaySetIsEqualToAnyWithTheSameDaysAndShowsItsRangesAsWritten() {
        #expect(WeekdaySet("sat, sun") == WeekdaySet("sat..sun"))
        #expect(WeekdaySet("sun,mon..tue") == WeekdaySet([.monday, .tuesday, .sunday]))
        #expect(WeekdaySet("sun,mon..tue")?.description == "sun, mon..tue")
        #expect(WeekdaySet("fri..MON")?.description == "fri..mon")
        #expect(WeekdaySet([.sunday, .monday]).description == "mon, sun")
        #expect(WeekdaySet.everyDay.description == "mon..sun")
        #expect(WeekdaySet("fri..mon")?.mask == 0b111_0001)
    }

    @Test func weekdaysCountFromMondayAndWrap() {
        #expect(Weekday.monday.mondayFirstIndex == 0)
        #expect(Weekday.sunday.mondayFirstIndex == 6)
        #expect(Weekday.sunday.next == .monday)
        #expect(Weekday.monday.previous == .sunday)
        #expect(Weekday(mondayFirstIndex: -1) == .sunday)
        #expect(Weekday(abbreviation: "Thu") == .thursday)
        #expect(Weekday(abbreviation: "thursday") == nil)
    }
}
