/// One step of a connector's meter history (`Store.meterHistory`): the averages of what was
/// sampled in it; a measurand with no sample in the step is `nil`.
public struct MeterHistoryBucket: Sendable, Equatable {
    /// The step's number from the start of the query (0 is the first step).
    public var index: Int
    /// Power.Active.Import (total), W.
    public var power: Double?
    /// Current.Import, A per phase.
    public var current: Double?
    /// Energy.Active.Import.Register at its highest in the step, Wh.
    public var energyWh: Double?

    public init(index: Int, power: Double?, current: Double?, energyWh: Double?) {
        self.index = index
        self.power = power
        self.current = current
        self.energyWh = energyWh
    }
}
