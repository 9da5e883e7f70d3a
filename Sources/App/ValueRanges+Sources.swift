import JSON

extension ValueRanges {
    // MARK: sources (docs/sources.md)

    /// Seconds between polls: a tenth of a second to a day.
    static let sourceInterval = NumberRange.numbers(0.1...86_400)
    /// Seconds one poll may take: a tenth of a second to a minute.
    static let sourceTimeout = NumberRange.numbers(0.1...60)
    /// `scale`: wide enough for any unit change or sign flip, not so wide a reading overflows.
    static let sourceScale = NumberRange.numbers(-1_000_000...1_000_000)
}
