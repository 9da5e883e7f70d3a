import Foundation

extension TariffSchedule {
    /// The length of a tariff slot: 15 minutes, as day-ahead markets and `cheapest` count them.
    public static let slotLength: TimeInterval = 900

    /// The 15-minute slots from `start` (rounded down to a quarter hour) until `end`, each priced
    /// at its start. `GET /api/tariff` shows the next 48 hours this way.
    public func quarterHourSlots(from start: Date, to end: Date) -> [TariffSlot] {
        let first = (start.timeIntervalSince1970 / Self.slotLength).rounded(.down) * Self.slotLength
        return slots(from: Date(timeIntervalSince1970: first), to: end)
    }

    /// Slots of 15 minutes from exactly `start` until `end` (the last one may be shorter).
    func slots(from start: Date, to end: Date) -> [TariffSlot] {
        var slots: [TariffSlot] = []
        var cursor = start
        while cursor < end {
            let next = min(cursor.addingTimeInterval(Self.slotLength), end)
            slots.append(TariffSlot(start: cursor, end: next, price: price(at: cursor)))
            cursor = next
        }
        return slots
    }

    /// Neighbouring slots with the same price joined into one, for a compact API answer.
    public static func merged(_ slots: [TariffSlot]) -> [TariffSlot] {
        var merged: [TariffSlot] = []
        for slot in slots {
            if let last = merged.last, last.end == slot.start, last.price == slot.price {
                merged[merged.count - 1].end = slot.end
            } else {
                merged.append(slot)
            }
        }
        return merged
    }

    /// The next instant at `clock` local time strictly after `now` (`24:00` is the next midnight).
    public func nextOccurrence(of clock: ClockTime, after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        for dayOffset in 0...2 {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: today) else { continue }
            let candidate: Date?
            if clock.minutes == 1440 {
                candidate = calendar.date(byAdding: .day, value: 1, to: day)
            } else {
                candidate = calendar.date(bySettingHour: clock.hour, minute: clock.minute, second: 0, of: day)
            }
            if let candidate, candidate > now { return candidate }
        }
        return now.addingTimeInterval(86_400)
    }

    /// The cheapest slots that together last `duration`, among the 15-minute slots of the 24
    /// hours that end at the next `before` (ties go to the later slot), in time order.
    public func cheapestSlots(duration: TimeInterval, before clock: ClockTime, now: Date) -> [TariffSlot] {
        let end = nextOccurrence(of: clock, after: now)
        let candidates = slots(from: end.addingTimeInterval(-86_400), to: end)
        let count = Int((duration / Self.slotLength).rounded(.up))
        let chosen = candidates.sorted { lhs, rhs in
            lhs.price != rhs.price ? lhs.price < rhs.price : lhs.start > rhs.start
        }.prefix(max(0, count))
        return chosen.sorted { $0.start < $1.start }
    }

    /// `cheapest D before HH:MM`: whether `now` lies in one of those slots.
    public func isInCheapestSlots(duration: TimeInterval, before clock: ClockTime, now: Date) -> Bool {
        cheapestSlots(duration: duration, before: clock, now: now).contains { $0.contains(now) }
    }
}
