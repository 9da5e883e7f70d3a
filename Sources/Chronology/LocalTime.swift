import Foundation

/// What the clocks of a time zone show at an instant: the date, the time of day, the day of the
/// week, and the zone's offset from UTC (and its abbreviation) at that instant.
///
/// Worked out from the zone's offset (`TimeZone.secondsFromGMT(for:)`) and `CivilDate`, without
/// `Calendar`: the rules ask for the local time on every evaluation.
public struct LocalTime: Sendable, Hashable {
    public let instant: Date
    public let zone: TimeZone
    public let date: CivilDate
    /// 0 ... 23.
    public let hour: Int
    /// 0 ... 59.
    public let minute: Int
    /// 0 ... 59.
    public let second: Int
    /// The fraction of the second, 0 ..< 1.
    public let fractionOfSecond: Double
    /// Seconds east of UTC at `instant` (3600 in Amsterdam in winter, 7200 in summer).
    public let utcOffsetSeconds: Int

    public init(_ instant: Date, in zone: TimeZone) {
        self.instant = instant
        self.zone = zone
        // Date counts from 2001-01-01, a whole number of seconds after 1970-01-01: splitting there
        // takes the fraction without the rounding an addition of 978,307,200 s would bring.
        // Clamped to about three million years either way, which an Int64 of seconds holds.
        let sinceReference = max(min(instant.timeIntervalSinceReferenceDate, 1e14), -1e14)
        let wholeSinceReference = sinceReference.rounded(.down)
        fractionOfSecond = sinceReference - wholeSinceReference
        utcOffsetSeconds = zone.secondsFromGMT(for: instant)
        let local = Int64(wholeSinceReference) + 978_307_200 + Int64(utcOffsetSeconds)
        var days = local / 86_400
        var secondOfDay = local % 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        date = CivilDate(daysSince1970: days)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay / 60 % 60)
        second = Int(secondOfDay % 60)
    }

    public var weekday: Weekday { date.weekday }

    /// Seconds since the local midnight the clock shows, fraction included (a day with a
    /// daylight saving change still counts its clock times: 03:00 is 10,800).
    public var secondsOfDay: Double {
        Double(hour * 3600 + minute * 60 + second) + fractionOfSecond
    }

    /// The zone's abbreviation at `instant` as Foundation names it: `CEST` on macOS, `GMT+2` on
    /// Linux, whose Foundation does not read the abbreviations of the zone database.
    /// `utcOffsetText` is the same everywhere.
    public var zoneAbbreviation: String? { zone.abbreviation(for: instant) }
}
