import Chronology
import Foundation

/// The energy price over time: pushed dynamic slots over the configured periods over the default.
///
/// Pure: instants and the time zone are arguments; nothing reads a clock.
public struct TariffSchedule: Sendable {
    public var defaultPrice: Double
    /// Checked in order; the first period that covers a moment gives its price.
    public var periods: [TariffPeriod]
    /// The zone the periods' clock times and days are read in (`timezone`).
    public var timeZone: TimeZone
    /// Pushed slots, kept without overlaps and sorted by start.
    public private(set) var pushedSlots: [TariffSlot] = []

    public init(defaultPrice: Double, periods: [TariffPeriod] = [], timeZone: TimeZone) {
        self.defaultPrice = defaultPrice
        self.periods = periods
        self.timeZone = timeZone
    }

    /// The price at `instant`.
    public func price(at instant: Date) -> Double { priceAndSource(at: instant).price }

    /// The price at `instant` and where it comes from.
    public func priceAndSource(at instant: Date) -> (price: Double, source: TariffSource) {
        if let slot = pushedSlot(at: instant) { return (slot.price, .pushed) }
        if let period = period(at: instant) { return (period.price, .period) }
        return (defaultPrice, .fallback)
    }

    /// Adds validated pushed slots. A later push wins where it overlaps earlier ones: the older
    /// slots are cut back to the parts the new push does not cover, so a corrected forecast can
    /// be pushed over the previous one without deleting it first.
    public mutating func push(_ slots: [TariffSlot]) throws(TariffError) {
        try TariffSlot.validate(slots)
        var kept: [TariffSlot] = []
        for old in pushedSlots {
            var pieces = [old]
            for new in slots {
                pieces = pieces.flatMap { piece -> [TariffSlot] in
                    guard piece.overlaps(new) else { return [piece] }
                    var rest: [TariffSlot] = []
                    if piece.start < new.start {
                        rest.append(TariffSlot(start: piece.start, end: new.start, price: piece.price))
                    }
                    if new.end < piece.end {
                        rest.append(TariffSlot(start: new.end, end: piece.end, price: piece.price))
                    }
                    return rest
                }
            }
            kept += pieces
        }
        pushedSlots = (kept + slots).sorted { $0.start < $1.start }
    }

    /// Drops pushed slots that ended at or before `instant`, so the list does not grow forever.
    public mutating func removePushedSlots(endingBefore instant: Date) {
        pushedSlots.removeAll { $0.end <= instant }
    }

    func pushedSlot(at instant: Date) -> TariffSlot? {
        pushedSlots.last { $0.contains(instant) }
    }

    func period(at instant: Date) -> TariffPeriod? {
        let local = LocalTime(instant, in: timeZone)
        let day = local.weekday
        let minute = local.hour * 60 + local.minute
        let previousDay = day.previous
        return periods.first { period in
            let from = period.from.minutes
            let to = period.to.minutes
            if from < to { return period.days.contains(day) && from <= minute && minute < to }
            if from == to { return period.days.contains(day) }
            // Past midnight: the evening part belongs to its own day, the morning to the day before.
            return period.days.contains(day) && minute >= from || period.days.contains(previousDay) && minute < to
        }
    }
}
