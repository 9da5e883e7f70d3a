import JSON

extension ValueRanges {
    // MARK: tariff.provider and tariff.formula (docs/prices.md)

    /// Seconds between regular fetches (3600 by default; the services ask for few requests).
    static let tariffRefresh = NumberRange.numbers(1...86_400)
    /// Seconds before the first retry: a second to an hour.
    static let tariffRetry = NumberRange.numbers(1...3600)
    /// Seconds one request may take.
    static let tariffTimeout = NumberRange.numbers(1...120)
    /// `formula.factor`, `formula.add` (currency per kWh) and `formula.vat` (a fraction: 0.19 is 19 %).
    static let formulaFactor = NumberRange.numbers(-1000...1000)
    static let formulaAdd = NumberRange.numbers(-1000...1000)
    static let formulaVAT = NumberRange.numbers(0...10)
    /// The generic provider's `scale`.
    static let tariffScale = NumberRange.numbers(-1_000_000...1_000_000)
}
