import ChargingModel
import Foundation
import Rules

/// A price over a span of time: a pushed dynamic price (`PUT /api/tariff`) or a slot of the
/// tariff's timeline (`GET /api/tariff`, `cheapest`). The rules' own `PriceSlot`, so that slots
/// pass from the tariff to the rules and the store without conversion.
public typealias TariffSlot = PriceSlot

extension PriceSlot {
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    func overlaps(_ other: PriceSlot) -> Bool { start < other.end && other.start < end }
}
