import ChargingModel

/// Everything a connector's chart reads from the store (`Store.connectorHistory`), read in one
/// visit to the store's queue.
public struct ConnectorHistory: Sendable, Equatable {
    public var meter: [MeterHistoryBucket]
    /// The decisions of the span, the one in force at its start first.
    public var decisions: [DecisionLimit]
    public var inputs: [InputHistoryBucket]
    /// The pushed prices stored for the span.
    public var prices: [TariffPriceRecord]

    public init(
        meter: [MeterHistoryBucket], decisions: [DecisionLimit], inputs: [InputHistoryBucket],
        prices: [TariffPriceRecord]
    ) {
        self.meter = meter
        self.decisions = decisions
        self.inputs = inputs
        self.prices = prices
    }
}
