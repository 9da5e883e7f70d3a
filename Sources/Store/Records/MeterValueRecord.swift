import Foundation

/// One sampled value, normalised (a row of `meter_values`).
public struct MeterValueRecord: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    /// The transaction the charger said the value belongs to, known or not.
    public var transactionId: Int?
    /// The charger's sample timestamp.
    public var at: Date
    /// `Energy.Active.Import.Register`, `Power.Active.Import`, ...
    public var measurand: String
    /// `L1`, `L2-N`, ... or `nil` for the total.
    public var phase: String?
    /// `Outlet`, `Inlet`, `Body`, `Cable`, `EV`, or `nil`.
    public var location: String?
    /// `Sample.Periodic`, `Transaction.Begin`, ..., or `nil`.
    public var context: String?
    /// In the base unit named by `unit`.
    public var value: Double
    /// `Wh`, `W`, `A`, `V`, `var`, `varh`, `%`, `Celsius`, `Hz`, ...
    public var unit: String

    public init(
        chargerId: String, connectorId: Int, transactionId: Int? = nil, at: Date, measurand: String,
        phase: String? = nil, location: String? = nil, context: String? = nil, value: Double, unit: String
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.transactionId = transactionId
        self.at = at
        self.measurand = measurand
        self.phase = phase
        self.location = location
        self.context = context
        self.value = value
        self.unit = unit
    }
}
