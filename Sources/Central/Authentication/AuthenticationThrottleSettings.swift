import Foundation

/// How `AuthenticationThrottle` slows down and reports failed charger logins. The defaults are
/// documented in docs/charger-management.md ("Failed logins"); tests shorten them.
public struct AuthenticationThrottleSettings: Sendable, Equatable {
    /// Seconds before the 401 of an address's first failure goes out; each further failure doubles it.
    public var firstDelay: Double = 0.1
    /// The longest any 401 is held back, in seconds.
    public var maximumDelay: Double = 5
    /// Seconds in which an address's failure count halves once it stops failing.
    public var halfLife: Double = 30
    /// Seconds between the summary lines of an address that keeps failing.
    public var summaryPeriod: Double = 60
    /// The most addresses tracked; past it the least failing half is forgotten.
    public var capacity = 10_000
    /// Refusals of one address that may wait for their delayed 401 at once; further requests from it
    /// are answered 429 at once, without looking at their credentials.
    public var maximumWaitingPerAddress = 16
    /// Log lines about failed logins (first failures and summaries, over all addresses) per summary
    /// period; past it failures are only counted, in one line per period.
    public var maximumLinesPerPeriod = 50

    public init() {}

    /// The failure count at which the delay reaches `maximumDelay`, plus two: an address that
    /// failed that often stays at the longest delay for about two half-lives after its last failure.
    var scoreCeiling: Double {
        log2(max(1, maximumDelay / firstDelay)) + 3
    }
}
