/// What to do with one failed login, from `AuthenticationThrottle.recordFailure`.
public struct AuthenticationFailureVerdict: Sendable, Equatable {
    /// Seconds to hold the 401 back.
    public var delay: Double
    /// Whether this failure gets a log line of its own: the first from a quiet address, while the
    /// period's line budget lasts. Later ones are counted into summaries.
    public var logIndividually: Bool
    /// Whether the address's summary period started with this failure: ask `windowEnded` once
    /// `summaryPeriod` has passed.
    public var opensWindow: Bool
    /// Lines due now (failures that could not be logged one by one in the last period).
    public var reports: [AuthenticationFailureReport]
}
