import Foundation

/// One input as `GET /api/inputs` shows it and the rules see it at an instant.
public struct InputReading: Sendable, Hashable {
    public var name: InputName
    /// `nil` when unknown (never pushed, or older than `inputMaxAge`).
    public var value: Double?
    /// When it was pushed (for a derived `solar.surplus`, when `grid.power` was).
    public var updatedAt: Date?
    public var ageSeconds: Double?
    /// `solar.surplus` computed from `grid.power` because it was not pushed.
    public var isDerived: Bool

    public init(name: InputName, value: Double?, updatedAt: Date?, ageSeconds: Double?, isDerived: Bool = false) {
        self.name = name
        self.value = value
        self.updatedAt = updatedAt
        self.ageSeconds = ageSeconds
        self.isDerived = isDerived
    }

    public var isKnown: Bool { value != nil }
}
