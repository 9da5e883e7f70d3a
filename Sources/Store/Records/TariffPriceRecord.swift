import ChargingModel

/// A dynamic price slot pushed through `PUT /api/tariff`: a row of `tariff_prices` (start
/// inclusive, end exclusive, currency per kWh).
public typealias TariffPriceRecord = PriceSlot
