import ChargingModel
import Foundation
import HTTP
import HTTPClient
import InputSources
import JSON

/// `type: "http"` (docs/prices.md): `GET url`, the list at `path` (the whole answer when none),
/// each entry's `start` and `end` (RFC 3339 strings, or seconds or milliseconds since 1970) and
/// `price` (a number, or a string holding one) times `scale`, giving currency per kWh. Without
/// `end`, each entry lasts until the next one starts.
public struct GenericHTTPProvider: TariffProvider {
    public let type = "http"
    public let url: HTTPURL
    public let path: JSONPath?
    public let startField: String
    public let endField: String?
    public let priceField: String
    public let scale: Double
    public let timeout: Double

    public init(
        url: HTTPURL, path: JSONPath?, start: String, end: String?, price: String, scale: Double = 1,
        timeout: Double = 20
    ) {
        self.url = url
        self.path = path
        startField = start
        endField = end
        priceField = price
        self.scale = scale
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        [HTTPClientRequest(url: url, timeout: timeout)]
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        let document = try ProviderSupport.json(response)
        let listValue: JSONValue
        do {
            listValue = try path.map { path throws(SourceError) in try path.value(in: document) } ?? document
        } catch {
            throw TariffFetchError(error.message)
        }
        let location = path?.description ?? "the answer"
        guard let items = listValue.arrayValue else {
            throw TariffFetchError("\(location): expected a list, found \(listValue.typeDescription)")
        }
        var withEnds: [PriceSlot] = []
        var starts: [(start: Date, price: Double)] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path?.description ?? "")[\(index)]"
            guard let object = item.objectValue else { throw TariffFetchError("\(itemPath): expected an object") }
            let start = try ProviderSupport.instant(object, startField, at: itemPath)
            let price = try ProviderSupport.number(object, priceField, at: itemPath) * scale
            if let endField {
                let end = try ProviderSupport.instant(object, endField, at: itemPath)
                withEnds.append(PriceSlot(start: start, end: end, price: price))
            } else {
                starts.append((start, price))
            }
        }
        guard endField == nil else { return withEnds }
        return ProviderSupport.slotsFromStarts(starts).map { PriceSlot(start: $0.0, end: $0.1, price: $0.2) }
    }
}
