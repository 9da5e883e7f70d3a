import ChargingModel
import Foundation

/// Fetched slots made into what the tariff accepts: sorted by start, each `end` after its
/// `start`, no two overlapping (docs/prices.md, "Overlaps and gaps").
///
/// - A slot that overlaps the one after it is cut back to where the next begins: the later
///   start wins, as a day's second document corrects the first.
/// - Two slots with the same start: the one given later wins.
/// - Gaps stay gaps: nothing is invented there, and the tariff's periods or default price
///   apply (`GET /api/tariff` shows them).
/// - Prices must be finite and within `range`; a slot with `end` not after `start` fails the fetch.
public enum PriceSlotNormalization {
    public static func normalized(
        _ slots: [PriceSlot], priceRange range: ClosedRange<Double>
    ) throws(TariffFetchError) -> [PriceSlot] {
        for (index, slot) in slots.enumerated() {
            guard slot.end > slot.start else {
                throw TariffFetchError("slot \(index + 1): its end is not after its start")
            }
            guard slot.price.isFinite, range.contains(slot.price) else {
                throw TariffFetchError("slot \(index + 1): price \(slot.price) out of range")
            }
        }
        // Stable by start; among equal starts the later one given comes last and replaces the others.
        let ordered = slots.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
            .map(\.element)
        var result: [PriceSlot] = []
        for slot in ordered {
            if let last = result.last, last.start == slot.start {
                result[result.count - 1] = slot
                continue
            }
            if let last = result.last, last.end > slot.start {
                result[result.count - 1].end = slot.start
            }
            result.append(slot)
        }
        return result
    }
}
