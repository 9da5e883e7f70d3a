import ChargingModel
import Foundation
import HTTP
import HTTPClient
import JSON

/// aWATTar's market data (docs/prices.md, "awattar"): `GET /v1/marketdata?start=MS&end=MS`
/// answers `{"object":"list","data":[{"start_timestamp":MS,"end_timestamp":MS,"marketprice":P,
/// "unit":"Eur/MWh"}]}`, times in milliseconds since 1970, prices in EUR per MWh.
public struct AwattarProvider: TariffProvider {
    public let type = "awattar"
    public let country: String
    public let url: HTTPURL
    public let timeout: Double

    /// `country` `de` or `at`: `https://api.awattar.de` or `https://api.awattar.at`.
    public init(country: String, url: HTTPURL? = nil, timeout: Double = 20) {
        self.country = country
        self.url =
            url ?? ProviderSupport.publicURL("https://api.awattar.\(country == "at" ? "at" : "de")/v1/marketdata")
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        let from = (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600
        let to = from + 48 * 3600
        let query = [("start", String(Int64(from * 1000))), ("end", String(Int64(to * 1000)))]
        return [HTTPClientRequest(url: try ProviderSupport.url(url, query: query), timeout: timeout)]
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        let document = try ProviderSupport.json(response)
        guard let entries = document["data"]?.arrayValue else { throw TariffFetchError("data: missing, or not a list") }
        var slots: [PriceSlot] = []
        for (index, entry) in entries.enumerated() {
            let path = "data[\(index)]"
            guard let object = entry.objectValue else { throw TariffFetchError("\(path): expected an object") }
            if let unit = object["unit"]?.stringValue, unit.lowercased() != "eur/mwh" {
                throw TariffFetchError("\(path).unit: \"\(unit.prefix(20))\", expected Eur/MWh")
            }
            let start = try ProviderSupport.instant(object, "start_timestamp", at: path)
            let end = try ProviderSupport.instant(object, "end_timestamp", at: path)
            let price = try ProviderSupport.number(object, "marketprice", at: path)
            slots.append(PriceSlot(start: start, end: end, price: price / 1000))
        }
        return slots
    }
}
