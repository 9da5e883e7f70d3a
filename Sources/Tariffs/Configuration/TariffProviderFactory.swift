/// Makes the provider a `tariff.provider` configuration names.
public enum TariffProviderFactory {
    public static func make(_ configuration: TariffProviderConfiguration) -> any TariffProvider {
        let url = configuration.url
        let timeout = configuration.timeout
        switch configuration.kind {
        case .awattar(let country):
            return AwattarProvider(country: country, url: url, timeout: timeout)
        case .entsoe(let token, let zone):
            return EntsoeProvider(token: token, zone: zone, url: url, timeout: timeout)
        case .octopus(let productCode, let tariffCode):
            return OctopusProvider(productCode: productCode, tariffCode: tariffCode, url: url, timeout: timeout)
        case .tibber(let token):
            return TibberProvider(token: token, url: url, timeout: timeout)
        case .nordpool(let area, let currency):
            return NordpoolProvider(area: area, currency: currency, url: url, timeout: timeout)
        case .http(let address, let path, let start, let end, let price, let scale):
            return GenericHTTPProvider(
                url: address, path: path, start: start, end: end, price: price, scale: scale, timeout: timeout)
        }
    }
}
