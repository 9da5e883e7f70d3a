import Foundation

extension ClockTime {
    /// The first instant strictly after `instant` at which the clocks of `zone` show this time
    /// (24:00 is the next midnight).
    ///
    /// Across a daylight saving change: a time the spring change skips is taken at the next
    /// existing time (02:30 on the night clocks go from 02:00 to 03:00 is 03:00); a time the
    /// autumn change repeats is its first occurrence. `Calendar` does this search (its
    /// `nextTime` and `first` policies); this is the one place in the package that asks it.
    public func nextOccurrence(after instant: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(hour: hour % 24, minute: minute, second: 0)
        // A day always has every hour and minute at its next existing time, so the search only
        // fails for a zone Calendar cannot compute; a day later is then the honest answer.
        return calendar.nextDate(
            after: instant, matching: components, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
            direction: .forward) ?? instant.addingTimeInterval(86_400)
    }
}
