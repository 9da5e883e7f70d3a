import Foundation

/// A value pushed through `PUT /api/inputs`: a row of `inputs`.
public struct InputRecord: Sendable, Equatable {
    /// `grid.power`, `solar.power`, `input.boost`, ...
    public var name: String
    /// In base units (W, A, ...).
    public var value: Double
    public var updatedAt: Date

    public init(name: String, value: Double, updatedAt: Date) {
        self.name = name
        self.value = value
        self.updatedAt = updatedAt
    }
}
