import ChargingModel
import Foundation
import HTTP
import HTTPClient
import JSON

/// Tibber's GraphQL API (docs/prices.md, "tibber"): `POST /v1-beta/gql` with
/// `Authorization: Bearer TOKEN` and the query below answers
/// `{"data":{"viewer":{"homes":[{"currentSubscription":{"priceInfo":{"today":[{"total":P,
/// "startsAt":ISO}],"tomorrow":[...]}}}]}}}`; `total` is the price per kWh with taxes in the
/// account's currency. Entries give only their start: each lasts until the next. Errors come as
/// `{"errors":[{"message":"..."}]}`. The first home with a subscription is used.
public struct TibberProvider: TariffProvider {
    public let type = "tibber"
    public let token: String
    public let url: HTTPURL
    public let timeout: Double

    static let query =
        "{ viewer { homes { currentSubscription { priceInfo { today { total startsAt } tomorrow { total startsAt } } } } } }"

    public init(token: String, url: HTTPURL? = nil, timeout: Double = 20) {
        self.token = token
        self.url = url ?? ProviderSupport.publicURL("https://api.tibber.com/v1-beta/gql")
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        let body = JSONWriter.bytes(["query": .string(Self.query)])
        let headers = HTTPHeaders([("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
        return [HTTPClientRequest(method: "POST", url: url, headers: headers, body: body, timeout: timeout)]
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        let document = try ProviderSupport.json(response)
        if let errors = document["errors"]?.arrayValue, !errors.isEmpty {
            let message = errors.first?["message"]?.stringValue ?? "an error without message"
            throw TariffFetchError("Tibber: \(message.prefix(200))")
        }
        guard let homes = document["data"]?["viewer"]?["homes"]?.arrayValue else {
            throw TariffFetchError("data.viewer.homes: missing, or not a list")
        }
        guard
            let (homeIndex, priceInfo) = homes.enumerated().lazy.compactMap({ index, home in
                home["currentSubscription"]?["priceInfo"].map { (index, $0) }
            }).first
        else {
            throw TariffFetchError("data.viewer.homes: no home with a subscription")
        }
        var entries: [(start: Date, price: Double)] = []
        for day in ["today", "tomorrow"] {
            let path = "data.viewer.homes[\(homeIndex)].currentSubscription.priceInfo.\(day)"
            guard let list = priceInfo[day] else { continue }
            if list == .null { continue }
            guard let items = list.arrayValue else { throw TariffFetchError("\(path): expected a list") }
            for (index, item) in items.enumerated() {
                guard let object = item.objectValue else {
                    throw TariffFetchError("\(path)[\(index)]: expected an object")
                }
                let start = try ProviderSupport.instant(object, "startsAt", at: "\(path)[\(index)]")
                let price = try ProviderSupport.number(object, "total", at: "\(path)[\(index)]")
                entries.append((start, price))
            }
        }
        return ProviderSupport.slotsFromStarts(entries).map { PriceSlot(start: $0.0, end: $0.1, price: $0.2) }
    }
}
