import Chronology
import Foundation

/// When to fetch next (SPEC §10, docs/prices.md "When prices are fetched"): at start-up, then
/// every `refresh` (an hour); in the afternoon (from 13:00 local time, when day-ahead markets
/// publish) every 15 minutes until tomorrow's prices are known; after a failure `retry`,
/// doubled with each further failure, never more than `refresh`. Pure: the clock is an argument.
public struct TariffRefreshSchedule: Sendable, Equatable {
    public var refresh: TimeInterval
    public var retry: TimeInterval
    public var timeZone: TimeZone

    /// How often to ask in the afternoon while tomorrow's prices are missing.
    public static let afternoonInterval: TimeInterval = 900
    /// Local hour from which tomorrow's prices are expected.
    public static let publicationHour = 13

    public init(refresh: TimeInterval = 3600, retry: TimeInterval = 60, timeZone: TimeZone) {
        self.refresh = refresh
        self.retry = retry
        self.timeZone = timeZone
    }

    /// Seconds from `now` to the next fetch. `consecutiveFailures` counts the failed fetches
    /// since the last success (0 after a success); `knownUntil` is the end of the last known slot.
    public func delay(now: Date, consecutiveFailures: Int, knownUntil: Date?) -> TimeInterval {
        if consecutiveFailures > 0 {
            let doublings = Double(min(consecutiveFailures - 1, 20))
            return min(retry * pow(2, doublings), max(refresh, retry))
        }
        if needsTomorrow(now: now, knownUntil: knownUntil) { return min(refresh, Self.afternoonInterval) }
        return refresh
    }

    /// True from the publication hour on while the prices known do not reach tomorrow noon.
    public func needsTomorrow(now: Date, knownUntil: Date?) -> Bool {
        let local = LocalTime(now, in: timeZone)
        guard local.hour >= Self.publicationHour else { return false }
        // From 13:00 on, the next noon is tomorrow's.
        let target = ClockTime(hour: 12, minute: 0)!.nextOccurrence(after: now, in: timeZone)
        guard let knownUntil else { return true }
        return knownUntil < target
    }
}
