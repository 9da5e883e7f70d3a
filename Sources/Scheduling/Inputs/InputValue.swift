import Foundation
import JSON

/// A pushed input value and when it arrived.
public struct InputValue: Sendable, Hashable {
    /// The values an input may have: a gigawatt either way covers any grid connection in watts,
    /// and any plain number a user pushes as `input.NAME`; the rules multiply and add inputs, so
    /// an input near the largest Double would turn a limit into infinity.
    public static let range = NumberRange.numbers(-1_000_000_000...1_000_000_000)

    /// In base units: watts for powers, a plain number for `input.NAME`.
    public var value: Double
    public var updatedAt: Date

    public init(value: Double, updatedAt: Date) {
        self.value = value
        self.updatedAt = updatedAt
    }
}
