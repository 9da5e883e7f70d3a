/// The numbers behind a decision, recorded with it for `ampwise why` and `/api/decisions`: the
/// limit asked, the charger's bounds, the inputs the deciding rules read.
///
/// They explain a decision but do not make a new one: a pause that stands while the solar surplus
/// moves below the minimum is one record, with the figures of the moment it began.
public struct DecisionFigures: Sendable, Equatable {
    /// The limit the rules (or a manual override) asked for, in A, before the charger's bounds and
    /// the `share` budgets.
    public var askedLimitAmps: Double?
    public var minCurrent: Double
    public var maxCurrent: Double
    /// Known inputs the deciding rules read, in base units.
    public var inputs: [String: Double]

    public init(askedLimitAmps: Double?, minCurrent: Double, maxCurrent: Double, inputs: [String: Double] = [:]) {
        self.askedLimitAmps = askedLimitAmps
        self.minCurrent = minCurrent
        self.maxCurrent = maxCurrent
        self.inputs = inputs
    }
}
