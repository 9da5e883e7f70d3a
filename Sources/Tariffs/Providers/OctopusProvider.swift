import ChargingModel
import Chronology
import Foundation
import HTTP
import HTTPClient

/// Octopus Energy's unit rates (docs/prices.md, "octopus"):
/// `GET /v1/products/{productCode}/electricity-tariffs/{tariffCode}/standard-unit-rates/?period_from=ISO&period_to=ISO`
/// answers `{"count":N,"next":null,"previous":null,"results":[{"value_exc_vat":P,"value_inc_vat":P,
/// "valid_from":ISO,"valid_to":ISO}]}`, newest first, prices in pence per kWh. The price taken
/// is `value_inc_vat` in pounds (what the customer pays, so `formula` stays at its defaults);
/// `valid_to` is null for a rate without end, which is taken to last until the next one.
public struct OctopusProvider: TariffProvider {
    public let type = "octopus"
    public let productCode: String
    public let tariffCode: String
    public let url: HTTPURL
    public let timeout: Double

    public init(productCode: String, tariffCode: String, url: HTTPURL? = nil, timeout: Double = 20) {
        self.productCode = productCode
        self.tariffCode = tariffCode
        let code = { (text: String) in ProviderSupport.percentEncoded(text) }
        self.url =
            url
            ?? ProviderSupport.publicURL(
                "https://api.octopus.energy/v1/products/\(code(productCode))/electricity-tariffs/\(code(tariffCode))/standard-unit-rates/"
            )
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        let from = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 1800).rounded(.down) * 1800)
        let to = from.addingTimeInterval(48 * 3600)
        // 96 half hours fit in one page of 1,500 (the API's largest), so there is no paging.
        let query = [
            ("period_from", RFC3339.format(from, fraction: .wholeSeconds)),
            ("period_to", RFC3339.format(to, fraction: .wholeSeconds)),
            ("page_size", "1500"),
        ]
        return [HTTPClientRequest(url: try ProviderSupport.url(url, query: query), timeout: timeout)]
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        let document = try ProviderSupport.json(response)
        guard let results = document["results"]?.arrayValue else {
            throw TariffFetchError("results: missing, or not a list")
        }
        var open: [(start: Date, price: Double)] = []
        var slots: [PriceSlot] = []
        for (index, entry) in results.enumerated() {
            let path = "results[\(index)]"
            guard let object = entry.objectValue else { throw TariffFetchError("\(path): expected an object") }
            let start = try ProviderSupport.instant(object, "valid_from", at: path)
            let pence = try ProviderSupport.number(object, "value_inc_vat", at: path)
            if object["valid_to"] == nil || object["valid_to"] == .null {
                open.append((start, pence / 100))
            } else {
                let end = try ProviderSupport.instant(object, "valid_to", at: path)
                slots.append(PriceSlot(start: start, end: end, price: pence / 100))
            }
        }
        for entry in open {
            // Without an end: until the next rate begins, or a day when none follows.
            let next = slots.map(\.start).filter { $0 > entry.start }.min() ?? entry.start.addingTimeInterval(86_400)
            slots.append(PriceSlot(start: entry.start, end: next, price: entry.price))
        }
        return slots
    }
}
