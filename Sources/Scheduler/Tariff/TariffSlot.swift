import Foundation

/// A price over a span of time: a pushed dynamic price (`PUT /api/tariff`) or a slot of the
/// tariff's timeline (`GET /api/tariff`, `cheapest`).
public struct TariffSlot: Sendable, Hashable {
    public var start: Date
    public var end: Date
    /// Currency per kWh.
    public var price: Double

    public init(start: Date, end: Date, price: Double) {
        self.start = start
        self.end = end
        self.price = price
    }

    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    func overlaps(_ other: TariffSlot) -> Bool { start < other.end && other.start < end }
}
