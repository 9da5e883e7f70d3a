import Foundation

/// One step of a plan for a connector: what was decided at `time`, valid until the next point.
public struct PlanPoint: Sendable, Hashable {
    public var time: Date
    /// The limit in amperes; `nil` when no rule sets one (the charger's own maximum applies).
    public var limitAmps: Double?
    /// `false` when the connector is held paused.
    public var charging: Bool
    /// The tariff price at `time`.
    public var price: Double?
    /// The rules that decided, in the order the table shows them.
    public var rules: [String]

    public init(time: Date, limitAmps: Double?, charging: Bool, price: Double?, rules: [String] = []) {
        self.time = time
        self.limitAmps = limitAmps
        self.charging = charging
        self.price = price
        self.rules = rules
    }
}
