import Chronology

/// One entry of `tariff.periods`: a price from one clock time to another on some days.
///
/// `to` earlier than `from` means the period runs past midnight (22:00 to 06:00); the day it
/// starts on must be in `days`. `to` may be `24:00`.
public struct TariffPeriod: Sendable, Equatable {
    public var from: ClockTime
    public var to: ClockTime
    public var price: Double
    public var days: WeekdaySet

    public init(from: ClockTime, to: ClockTime, price: Double, days: WeekdaySet = .everyDay) {
        self.from = from
        self.to = to
        self.price = price
        self.days = days
    }
}
