import Testing

@testable import Scheduling

@Suite struct ClockTimeAndWeekdayTests {
    @Test func clockTimesParseTwoDigitHoursAndMinutes() {
        #expect(ClockTime("00:00")?.minutes == 0)
        #expect(ClockTime("06:30")?.minutes == 390)
        #expect(ClockTime("23:59")?.minutes == 1439)
        #expect(ClockTime("24:00")?.minutes == 1440)
        for bad in ["24:01", "6:30", "06:3", "06:60", "0630", "06:30:00", "ab:cd", "", "-1:00", "+6:30"] {
            #expect(ClockTime(bad) == nil, "\(bad)")
        }
        #expect(ClockTime("07:05")?.description == "07:05")
    }

    @Test func daySetsReadDaysRangesAndLists() {
        #expect(WeekdaySet("mon..sun") == .everyDay)
        #expect(WeekdaySet("sat,sun")?.days == [.saturday, .sunday])
        #expect(WeekdaySet("mon..wed, sat")?.days == [.monday, .tuesday, .wednesday, .saturday])
        #expect(WeekdaySet("fri..mon")?.days == [.friday, .saturday, .sunday, .monday])
        #expect(WeekdaySet("MON")?.days == [.monday])
        #expect(WeekdaySet("wed..wed")?.days == [.wednesday])
        for bad in ["", "mon..", "..sun", "mon,,tue", "monday", "mon...fri", "mon-fri", "mon..tue..wed"] {
            #expect(WeekdaySet(bad) == nil, "\(bad)")
        }
        #expect(WeekdaySet("sun,mon..tue")?.description == "mon,tue,sun")
    }
}
