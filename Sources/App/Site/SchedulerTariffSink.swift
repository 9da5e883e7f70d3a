import ChargingModel
import Scheduling
import Tariffs

/// Delivers fetched prices to the scheduling engine through the very call `PUT /api/tariff`
/// makes (`SchedulerControl.replaceTariff`): the same checks, stored in the same table, so
/// `GET /api/tariff` shows them and a restart keeps them.
struct SchedulerTariffSink: TariffPriceSink {
    let scheduler: any SchedulerControl

    func replacePrices(_ slots: [PriceSlot]) async throws(TariffFetchError) {
        do {
            try await scheduler.replaceTariff(slots)
        } catch {
            throw TariffFetchError("the prices were refused: \(error.message)")
        }
    }
}
