/// Where a tariff provider stands, as `GET /api/tariff/provider` says it.
public enum TariffProviderState: String, Sendable, Equatable {
    /// No fetch has ended yet since start-up.
    case starting
    /// The last fetch succeeded.
    case ok
    /// The last fetch failed; `lastError` says why, and the prices fetched before stay.
    case failing
}
