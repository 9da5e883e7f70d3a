import Foundation

/// A price over [start, end), currency per kWh.
public struct PriceSlot: Sendable, Hashable {
    public var start: Date
    public var end: Date
    public var price: Double

    public init(start: Date, end: Date, price: Double) {
        self.start = start
        self.end = end
        self.price = price
    }
}
