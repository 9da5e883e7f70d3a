import Scheduling
import Tariffs

extension AmpwiseConfiguration {
    /// `tariff`: the energy price per kWh over the week.
    public struct Tariff: Sendable, Equatable {
        /// The price outside every period.
        public var defaultPrice = 0.30
        /// Checked in order; the first period that covers a moment gives its price.
        public var periods: [TariffPeriod] = []
        /// `provider`: where dynamic prices are fetched from (docs/prices.md); none by default.
        public var provider: TariffProviderConfiguration?
        /// `formula`: the consumer price from a provider's spot price.
        public var formula = PriceFormula()

        public init() {}
    }
}
