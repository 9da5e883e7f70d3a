import Foundation

/// Where the simulated car is.
enum CarState: Equatable {
    /// Gone; the next one plugs in at `until`.
    case away(until: Date)
    /// Plugged in since `since`, no session yet.
    case plugged(since: Date)
    /// Charging in `transactionId` since `since`.
    case charging(transactionId: Int, since: Date)
}
