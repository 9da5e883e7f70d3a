import HTTPClient
import InputSources
import JSON
import Tariffs

/// `tariff.provider` and `tariff.formula` (SPEC §10, docs/prices.md): every key checked, every
/// problem named by its key path (`tariff.provider.zone`).
extension AmpwiseConfiguration.Tariff {
    static let providerTypes = ["awattar", "entsoe", "octopus", "tibber", "nordpool", "http"]

    /// The keys of each type besides the common `type`, `url`, `timeout`, `refresh`, `retry`, `ca`.
    static let providerKeys: [String: [String]] = [
        "awattar": ["country"], "entsoe": ["token", "zone"], "octopus": ["productCode", "tariffCode"],
        "tibber": ["token"], "nordpool": ["area", "currency"], "http": ["path", "start", "end", "price", "scale"],
    ]

    static func decodeProvider(_ value: JSONValue, with reader: inout ConfigurationReader)
        -> TariffProviderConfiguration?
    {
        let path = "tariff.provider"
        guard case .object(let untyped) = value else {
            reader.report(path, "expected an object")
            return nil
        }
        guard let type = untyped["type"]?.stringValue, let keys = providerKeys[type] else {
            let problem = untyped["type"] == nil ? "missing" : "expected"
            reader.report("\(path).type", "\(problem) \(ConfigurationReader.choices(providerTypes))")
            return nil
        }
        let common = ["type", "url", "timeout", "refresh", "retry", "ca"]
        guard let object = reader.object(value, at: path, known: common + keys) else { return nil }
        let url = AmpwiseConfiguration.decodeURL(object, at: path, required: type == "http", with: &reader)
        func required(_ key: String, _ what: String) -> String? {
            if let text = reader.nonEmptyString(object, key, in: path) { return text }
            if object[key] == nil { reader.report("\(path).\(key)", "missing (\(what))") }
            return nil
        }
        let kind: TariffProviderConfiguration.Kind?
        switch type {
        case "awattar":
            let country = reader.value(object, "country", in: path, expected: "\"de\" or \"at\"") { value in
                value.stringValue.flatMap { ["de", "at"].contains($0) ? $0 : nil }
            }
            kind = .awattar(country: country ?? "de")
        case "entsoe":
            let token = required("token", "the security token of your ENTSO-E account")
            let zone = required("zone", "the bidding zone's EIC code, such as 10Y1001A1001A82H")
            kind = token.flatMap { token in zone.map { .entsoe(token: token, zone: $0) } }
        case "octopus":
            let product = required("productCode", "such as AGILE-24-10-01")
            let tariff = required("tariffCode", "such as E-1R-AGILE-24-10-01-C")
            kind = product.flatMap { product in tariff.map { .octopus(productCode: product, tariffCode: $0) } }
        case "tibber":
            kind = required("token", "your Tibber API token").map { .tibber(token: $0) }
        case "nordpool":
            let area = required("area", "the delivery area, such as SE3 or NO1")
            let currency = required("currency", "EUR, NOK, SEK or DKK")
            kind = area.flatMap { area in currency.map { .nordpool(area: area, currency: $0) } }
        default:
            var jsonPath: JSONPath?
            if let text = reader.string(object, "path", in: path) {
                jsonPath = JSONPath(text)
                if jsonPath == nil {
                    reader.report("\(path).path", "not a JSON path (keys separated by dots, [N] for an array element)")
                }
            }
            let start = required("start", "the field holding each slot's start")
            let price = required("price", "the field holding each slot's price")
            let end = reader.nonEmptyString(object, "end", in: path)
            let scale = reader.number(object, "scale", in: path, ValueRanges.tariffScale) ?? 1
            if let url, let start, let price {
                kind = .http(url: url, path: jsonPath, start: start, end: end, price: price, scale: scale)
            } else {
                kind = nil
            }
        }
        let timeout = reader.number(object, "timeout", in: path, ValueRanges.tariffTimeout) ?? 20
        let refresh = reader.number(object, "refresh", in: path, ValueRanges.tariffRefresh) ?? 3600
        let retry = reader.number(object, "retry", in: path, ValueRanges.tariffRetry) ?? 60
        let ca = reader.nonEmptyString(object, "ca", in: path)
        guard let kind else { return nil }
        return TariffProviderConfiguration(
            kind: kind, url: type == "http" ? nil : url, timeout: timeout, refresh: refresh, retry: retry,
            trustedCertificatesPath: ca)
    }

    static func decodeFormula(_ value: JSONValue, with reader: inout ConfigurationReader) -> PriceFormula {
        let path = "tariff.formula"
        guard let object = reader.object(value, at: path, known: ["factor", "add", "vat"]) else {
            return PriceFormula()
        }
        return PriceFormula(
            factor: reader.number(object, "factor", in: path, ValueRanges.formulaFactor) ?? 1,
            add: reader.number(object, "add", in: path, ValueRanges.formulaAdd) ?? 0,
            vat: reader.number(object, "vat", in: path, ValueRanges.formulaVAT) ?? 0)
    }
}
