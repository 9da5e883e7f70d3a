import ChargingModel
import Foundation

/// The tariff as the rules see it: the price at any instant, or nil when unknown. The scheduler
/// layers it (pushed prices over configured periods over the default); `price` asks for now and
/// `cheapest` asks for the start of each 15-minute slot of its window.
public struct PriceLookup: Sendable {
    private let lookup: @Sendable (Date) -> Double?

    /// A tariff given as a function of the instant (nil: no price known then).
    public init(_ lookup: @escaping @Sendable (Date) -> Double?) {
        self.lookup = lookup
    }

    /// The same price at every instant.
    public static func constant(_ price: Double) -> PriceLookup { PriceLookup { _ in price } }

    /// No price known at any instant.
    public static let unknown = PriceLookup { _ in nil }

    /// The price of the slot that contains the instant (where slots overlap, the one that starts
    /// later), else what `otherwise` says.
    public init(slots: [PriceSlot], otherwise: PriceLookup = .unknown) {
        let sorted = slots.sorted { $0.start < $1.start }
        self.lookup = { date in
            // Last slot starting at or before `date`, by binary search.
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].start <= date { low = middle + 1 } else { high = middle }
            }
            if low > 0, sorted[low - 1].end > date { return sorted[low - 1].price }
            return otherwise.price(at: date)
        }
    }

    /// The price at `date`, or nil when unknown.
    public func price(at date: Date) -> Double? { lookup(date) }
}
