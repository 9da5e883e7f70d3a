import HTTPClient
import InputSources

/// `tariff.provider` (SPEC §10, docs/prices.md): which service to fetch prices from, with what.
public struct TariffProviderConfiguration: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// aWATTar's market data, `country` `de` or `at`.
        case awattar(country: String)
        /// ENTSO-E's day-ahead prices (document type A44) for a bidding zone's EIC code.
        case entsoe(token: String, zone: String)
        /// Octopus Energy's unit rates of one tariff (Agile).
        case octopus(productCode: String, tariffCode: String)
        /// Tibber's price info of the first home on the account.
        case tibber(token: String)
        /// Nord Pool's day-ahead prices for a delivery area.
        case nordpool(area: String, currency: String)
        /// Any JSON service at `url`: the list at `path`, each entry's `start`, `end` and `price`
        /// fields, prices multiplied by `scale` into currency per kWh.
        case http(url: HTTPURL, path: JSONPath?, start: String, end: String?, price: String, scale: Double)
    }

    public var kind: Kind
    /// Replaces the provider's public address (tests point it at a local server); for `http`
    /// the address is part of `kind`.
    public var url: HTTPURL?
    /// Seconds for one request.
    public var timeout: Double
    /// Seconds between regular fetches (SPEC: every hour).
    public var refresh: Double
    /// Seconds before the first retry after a failure; each further failure doubles it, up to
    /// `refresh`.
    public var retry: Double
    /// A PEM file of certificates to trust instead of the system's store.
    public var trustedCertificatesPath: String?

    public init(
        kind: Kind, url: HTTPURL? = nil, timeout: Double = 20, refresh: Double = 3600, retry: Double = 60,
        trustedCertificatesPath: String? = nil
    ) {
        self.kind = kind
        self.url = url
        self.timeout = timeout
        self.refresh = refresh
        self.retry = retry
        self.trustedCertificatesPath = trustedCertificatesPath
    }

    /// The `type` as configured: `awattar`, `entsoe`, `octopus`, `tibber`, `nordpool`, `http`.
    public var type: String {
        switch kind {
        case .awattar: "awattar"
        case .entsoe: "entsoe"
        case .octopus: "octopus"
        case .tibber: "tibber"
        case .nordpool: "nordpool"
        case .http: "http"
        }
    }
}
