import Foundation

/// A pushed input value and when it arrived.
public struct InputValue: Sendable, Hashable {
    /// In base units: watts for powers, a plain number for `input.NAME`.
    public var value: Double
    public var updatedAt: Date

    public init(value: Double, updatedAt: Date) {
        self.value = value
        self.updatedAt = updatedAt
    }
}
