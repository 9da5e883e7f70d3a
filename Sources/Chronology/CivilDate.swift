/// A day of the proleptic Gregorian calendar: year, month (1-12) and day (1-31), without a time
/// zone. The one conversion between days since 1970-01-01 and calendar dates in the package.
///
/// Computed in eras of 400 years (146,097 days, after which the calendar repeats), with years
/// counted from March so that the leap day falls at the end of a year; the algorithm is Howard
/// Hinnant's `days_from_civil` / `civil_from_days` ("chrono-Compatible Low-Level Date
/// Algorithms"). Exact for every day an `Int64` can count.
public struct CivilDate: Sendable, Hashable, Comparable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    /// A date as given; `isValid` tells whether it exists.
    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    public init(daysSince1970 days: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it). For a valid date.
    public var daysSince1970: Int64 {
        let year = month <= 2 ? self.year - 1 : self.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether the month is 1-12 and the day exists in it (no 30 February).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= CivilDate.daysInMonth(month, year: year)
    }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let days = daysSince1970
        let mondayFirst = ((days % 7) + 7 + 3) % 7
        return Weekday(mondayFirstIndex: Int(mondayFirst))
    }

    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
