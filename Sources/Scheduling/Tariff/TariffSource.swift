/// Where a price comes from, highest precedence first.
public enum TariffSource: String, Sendable, Hashable {
    /// A dynamic price pushed through `PUT /api/tariff`.
    case pushed
    /// A configured `tariff.periods` entry.
    case period
    /// `tariff.default`.
    case fallback = "default"
}
