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
}
