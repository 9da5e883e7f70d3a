import Chronology
import Foundation
import JSON

extension TariffSlot {
    /// The prices a slot, `tariff.default` or a tariff period may have, per kWh in any currency:
    /// wide enough for every currency's kWh price and for negative spot prices, narrow enough that
    /// a cost summed over a year stays an ordinary number.
    public static let priceRange = NumberRange.numbers(-1_000_000...1_000_000)

    /// The slots of a `PUT /api/tariff` body, validated: timestamps in ISO 8601 (with a `Z` or an
    /// offset, optional fractional seconds), `end` after `start`, prices in `priceRange`, and no two slots of
    /// the same push overlapping (a push says one thing per instant).
    public static func slots(fromJSON value: JSONValue) throws(TariffError) -> [TariffSlot] {
        guard let items = value.arrayValue else { throw .notAnArray }
        var slots: [TariffSlot] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else { throw .notAnObject(index: index) }
            func timestamp(_ name: String) throws(TariffError) -> Date {
                guard let value = object[name] else { throw .missingField(index: index, field: name) }
                guard let text = value.stringValue, let date = RFC3339.parse(text) else {
                    throw .badTimestamp(index: index, field: name)
                }
                return date
            }
            let start = try timestamp("start")
            let end = try timestamp("end")
            guard let priceValue = object["price"] else { throw .missingField(index: index, field: "price") }
            guard let price = priceValue.doubleValue else { throw .badPrice(index: index) }
            slots.append(TariffSlot(start: start, end: end, price: price))
        }
        try validate(slots)
        return slots
    }

    /// Checks what `slots(fromJSON:)` checks (prices in `priceRange`), for slots built in code.
    public static func validate(_ slots: [TariffSlot]) throws(TariffError) {
        for (index, slot) in slots.enumerated() {
            guard priceRange.contains(slot.price) else { throw .badPrice(index: index) }
            guard slot.end > slot.start else { throw .endNotAfterStart(index: index) }
            for otherIndex in 0..<index where slots[otherIndex].overlaps(slot) {
                throw .overlapping(index: index, otherIndex: otherIndex)
            }
        }
    }
}
