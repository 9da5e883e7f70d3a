import ChargingModel
import Chronology
import Foundation
import HTTP
import HTTPClient
import JSON

/// Nord Pool's day-ahead prices (docs/prices.md, "nordpool"):
/// `GET /api/DayAheadPrices?date=YYYY-MM-DD&market=DayAhead&deliveryArea=AREA&currency=CUR`
/// answers `{"deliveryDateCET":"...","currency":"EUR","multiAreaEntries":[{"deliveryStart":ISO,
/// "deliveryEnd":ISO,"entryPerArea":{"AREA":P}}]}`, prices per MWh; one request per delivery
/// day (the CET date), and `204 No Content` for a day not published yet.
public struct NordpoolProvider: TariffProvider {
    public let type = "nordpool"
    public let area: String
    public let currency: String
    public let url: HTTPURL
    public let timeout: Double

    /// The zone Nord Pool's delivery days are dated in.
    static let deliveryZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    public init(area: String, currency: String, url: HTTPURL? = nil, timeout: Double = 20) {
        self.area = area
        self.currency = currency
        self.url = url ?? ProviderSupport.publicURL("https://dataportal-api.nordpoolgroup.com/api/DayAheadPrices")
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        let today = LocalTime(now, in: Self.deliveryZone).date
        var requests: [HTTPClientRequest] = []
        for date in [today, CivilDate(daysSince1970: today.daysSince1970 + 1)] {
            let text = String(format: "%04d-%02d-%02d", Int(date.year), Int(date.month), Int(date.day))
            let query = [("date", text), ("market", "DayAhead"), ("deliveryArea", area), ("currency", currency)]
            requests.append(HTTPClientRequest(url: try ProviderSupport.url(url, query: query), timeout: timeout))
        }
        return requests
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        if response.status.code == 204 { return [] }
        let document = try ProviderSupport.json(response)
        if let answered = document["currency"]?.stringValue, answered.uppercased() != currency.uppercased() {
            throw TariffFetchError("currency: asked for \(currency), answered \(answered.prefix(10))")
        }
        guard let entries = document["multiAreaEntries"]?.arrayValue else {
            throw TariffFetchError("multiAreaEntries: missing, or not a list")
        }
        var slots: [PriceSlot] = []
        for (index, entry) in entries.enumerated() {
            let path = "multiAreaEntries[\(index)]"
            guard let object = entry.objectValue else { throw TariffFetchError("\(path): expected an object") }
            let start = try ProviderSupport.instant(object, "deliveryStart", at: path)
            let end = try ProviderSupport.instant(object, "deliveryEnd", at: path)
            guard let perArea = object["entryPerArea"]?.objectValue else {
                throw TariffFetchError("\(path).entryPerArea: missing, or not an object")
            }
            let price = try ProviderSupport.number(perArea, area, at: "\(path).entryPerArea")
            slots.append(PriceSlot(start: start, end: end, price: price / 1000))
        }
        return slots
    }
}
