import ChargingModel

/// Where fetched prices go: the App's sink hands them to the scheduling engine as
/// `PUT /api/tariff` does (stored, so a restart keeps them). Throws why they were refused.
public protocol TariffPriceSink: Sendable {
    func replacePrices(_ slots: [PriceSlot]) async throws(TariffFetchError)
}
