import Foundation

/// When a connector's decision changed and the limit it set (`Store.decisionLimits`).
public struct DecisionLimit: Sendable, Equatable {
    public var at: Date
    public var charging: Bool?
    public var limitAmps: Double?

    public init(at: Date, charging: Bool?, limitAmps: Double?) {
        self.at = at
        self.charging = charging
        self.limitAmps = limitAmps
    }
}
