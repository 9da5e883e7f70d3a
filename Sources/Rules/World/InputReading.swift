import Foundation

/// The latest value pushed for an input (`grid.power`, `input.boost`, ...) and when.
public struct InputReading: Sendable, Equatable {
    /// In base units (W for powers).
    public var value: Double
    public var updatedAt: Date

    public init(value: Double, updatedAt: Date) {
        self.value = value
        self.updatedAt = updatedAt
    }
}
