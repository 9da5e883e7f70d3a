/// `tariff.formula` (docs/prices.md): the consumer price from the spot price,
/// `(spot × factor + add) × (1 + vat)`. The defaults leave the spot price as it is.
public struct PriceFormula: Sendable, Equatable {
    public var factor: Double
    public var add: Double
    public var vat: Double

    public init(factor: Double = 1, add: Double = 0, vat: Double = 0) {
        self.factor = factor
        self.add = add
        self.vat = vat
    }

    public func consumerPrice(spot: Double) -> Double { (spot * factor + add) * (1 + vat) }
}
