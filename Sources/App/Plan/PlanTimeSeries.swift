import Foundation

/// A value over time in a plan inputs file: a constant, or points that each hold until the next.
/// Before its first point a series has no value.
public struct PlanTimeSeries<Value: Sendable & Equatable>: Sendable, Equatable {
    /// In time order.
    public var points: [PlanTimePoint<Value>]

    public init(points: [PlanTimePoint<Value>]) {
        self.points = points.sorted { $0.at < $1.at }
    }

    /// The same value at every instant.
    public static func constant(_ value: Value) -> PlanTimeSeries {
        PlanTimeSeries(points: [PlanTimePoint(at: .distantPast, value: value)])
    }

    /// The index of the point in force at `instant`, if any.
    public func index(at instant: Date) -> Int? {
        points.lastIndex { $0.at <= instant }
    }

    /// The value in force at `instant`, or `nil` before the first point.
    public func value(at instant: Date) -> Value? {
        index(at: instant).map { points[$0].value }
    }
}

/// A value from `at` until the next point of its series.
public struct PlanTimePoint<Value: Sendable & Equatable>: Sendable, Equatable {
    public var at: Date
    public var value: Value

    public init(at: Date, value: Value) {
        self.at = at
        self.value = value
    }
}
