import ChargingModel
import Foundation

/// The price in force at any instant of a span: pushed prices from the store over the engine's
/// effective slots (configured tariff and default), so that a session of last month is costed
/// at last month's prices.
struct PriceLookup: Sendable {
    private let layers: [[PriceSlot]]

    /// - Parameter layers: slot lists, the first that covers an instant wins; each sorted by start.
    init(layers: [[PriceSlot]]) {
        self.layers = layers.map { $0.sorted { $0.start < $1.start } }
    }

    func price(at instant: Date) -> Double? {
        for slots in layers {
            // The last slot starting at or before `instant`.
            var low = 0
            var high = slots.count
            while low < high {
                let middle = (low + high) / 2
                if slots[middle].start <= instant { low = middle + 1 } else { high = middle }
            }
            if low > 0, slots[low - 1].end > instant { return slots[low - 1].price }
        }
        return nil
    }

    /// What `readings` (time, energy register in Wh, in time order) cost: each rise of the register
    /// at the price in force at its start, per kWh. `nil` when a rise falls where no price is known.
    func cost(of readings: [(at: Date, energyWh: Double)]) -> Double? {
        var total = 0.0
        for (previous, next) in zip(readings, readings.dropFirst()) where next.energyWh > previous.energyWh {
            guard let price = price(at: previous.at) else { return nil }
            total += (next.energyWh - previous.energyWh) / 1000 * price
        }
        return total
    }
}
