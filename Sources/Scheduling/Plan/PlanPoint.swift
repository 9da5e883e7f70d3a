import Foundation

/// One step of a plan for a connector: what was decided at `time`, valid until the next point.
public struct PlanPoint: Sendable, Hashable {
    public var time: Date
    public var state: PlanState
    /// The tariff price at `time`.
    public var price: Double?
    /// The inputs the rules read, with their values at `time` in base units (W for powers); an
    /// input unknown then is absent.
    public var inputs: [String: Double]
    /// The rules that decided, in the order the table shows them.
    public var rules: [String]

    public init(
        time: Date, state: PlanState, price: Double?, inputs: [String: Double] = [:], rules: [String] = []
    ) {
        self.time = time
        self.state = state
        self.price = price
        self.inputs = inputs
        self.rules = rules
    }
}
