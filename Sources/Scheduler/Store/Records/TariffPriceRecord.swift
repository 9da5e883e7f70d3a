import Foundation

/// A dynamic price slot pushed through `PUT /api/tariff`: a row of `tariff_prices`.
public struct TariffPriceRecord: Sendable, Equatable {
    /// Inclusive.
    public var start: Date
    /// Exclusive.
    public var end: Date
    /// Currency per kWh.
    public var price: Double

    public init(start: Date, end: Date, price: Double) {
        self.start = start
        self.end = end
        self.price = price
    }
}
