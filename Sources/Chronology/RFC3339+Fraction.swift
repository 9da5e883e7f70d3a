extension RFC3339 {
    /// How much of a second `RFC3339.format` writes.
    public enum Fraction: Sendable {
        /// `2026-11-25T08:00:00Z`: whole seconds, the milliseconds dropped.
        case wholeSeconds
        /// `2026-11-25T08:00:00.000Z`: always three digits, so that every date has the same width
        /// and text order is time order (the database, the log).
        case milliseconds
        /// `2026-11-25T08:00:00Z` or `2026-11-25T08:00:00.123Z`: milliseconds only when there are
        /// some (OCPP messages, the HTTP API).
        case millisecondsIfAny
    }
}
