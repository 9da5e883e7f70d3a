import ChargingModel
import Foundation
import HTTP
import HTTPClient

/// One kind of `tariff.provider` (docs/prices.md): the requests that fetch prices around now and
/// how to read an answer. Pure: `TariffProviderRunner` does the I/O, the schedule, the formula
/// and the delivery, so a provider is tested by feeding it recorded answers.
public protocol TariffProvider: Sendable {
    /// The `type` it was configured with.
    var type: String { get }

    /// The requests for the prices of today and tomorrow as seen at `now` (some services answer
    /// one day per request).
    func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest]

    /// The spot prices in one answer, currency per kWh, in the order the service gave them. An
    /// answer that says "nothing published yet" (Nord Pool's 204) is an empty list.
    func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot]
}
