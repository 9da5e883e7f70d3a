import Foundation

/// Slows down password guessing at the WebSocket upgrade, per remote address, as a value with no
/// clock and no I/O: the caller passes the time (seconds on a monotonic clock) and carries out
/// what it answers (docs/charger-management.md, "Failed logins").
///
/// - Each failed login is answered later: `firstDelay` for an address's first failure, doubling
///   with each further one up to `maximumDelay`. The failure count halves every `halfLife` seconds
///   once the address stops failing, so a charger with a mistyped password that retries once a
///   minute stays near `firstDelay`, and an address that stops guessing recovers in minutes.
/// - At most `maximumWaitingPerAddress` refusals of one address wait at once: opening more
///   connections in parallel does not buy more guesses.
/// - The first failure of a quiet address gets a log line of its own; the rest are counted and
///   reported in one line per address and `summaryPeriod`. Lines are limited per period over all
///   addresses too, so that a million addresses cannot flood the log.
/// - At most `capacity` addresses are tracked: past it the least failing half is forgotten.
public struct AuthenticationThrottle: Sendable {
    public let settings: AuthenticationThrottleSettings
    private var entries: [String: AddressFailures] = [:]
    /// Lines about failed logins in the current period, over all addresses.
    private var linesStart: Double
    private var linesUsed = 0
    /// Failures that got no line (past the budget, or forgotten with their address), since `linesStart`.
    private var unlogged = 0
    private var unloggedAddresses = 0

    public init(settings: AuthenticationThrottleSettings = AuthenticationThrottleSettings(), now: Double) {
        self.settings = settings
        linesStart = now
    }

    /// Addresses tracked now.
    public var trackedAddressCount: Int { entries.count }

    /// Whether `address` has as many refusals waiting as it may: answer its next request 429
    /// without looking at the credentials (so that the answer reveals nothing about them).
    public func isSaturated(_ address: String) -> Bool {
        (entries[address]?.waiting ?? 0) >= settings.maximumWaitingPerAddress
    }

    /// The delay the next failure of `address` would get now.
    public func delay(for address: String, at now: Double) -> Double {
        let score = entries[address]?.score(at: now, halfLife: settings.halfLife) ?? 0
        return delay(forScore: score + 1)
    }

    /// Records a failed login of `chargerId` from `address`; its refusal waits until
    /// `refusalAnswered(_:)`.
    public mutating func recordFailure(from address: String, chargerId: String, at now: Double)
        -> AuthenticationFailureVerdict
    {
        var reports: [AuthenticationFailureReport] = []
        if entries[address] == nil && entries.count >= settings.capacity { forgetLeastFailing(at: now) }
        var entry = entries[address] ?? AddressFailures(at: now)
        entry.score = min(entry.score(at: now, halfLife: settings.halfLife) + 1, settings.scoreCeiling)
        entry.lastFailure = now
        entry.waiting += 1
        let delay = delay(forScore: entry.score)
        var logIndividually = false
        let opensWindow = entry.windowStart == nil
        if opensWindow {
            entry.windowStart = now
            let (allowed, note) = claimLine(at: now)
            if let note { reports.append(note) }
            if allowed {
                logIndividually = true
            } else {
                unlogged += 1
                unloggedAddresses += 1
            }
        } else {
            entry.unreported += 1
            entry.note(chargerId: chargerId)
        }
        entries[address] = entry
        return AuthenticationFailureVerdict(
            delay: delay, logIndividually: logIndividually, opensWindow: opensWindow, reports: reports)
    }

    /// Counts a request answered 429 because `address` was saturated.
    public mutating func recordTurnedAway(_ address: String) {
        entries[address]?.turnedAway += 1
    }

    /// The delayed 401 of one of `address`'s failures went out (or its connection closed first).
    public mutating func refusalAnswered(_ address: String) {
        guard let waiting = entries[address]?.waiting, waiting > 0 else { return }
        entries[address]?.waiting = waiting - 1
    }

    /// A summary period of `address` ended: its summary line if it failed again meanwhile, and
    /// whether to ask again after another period (it stays watched while it keeps failing).
    public mutating func windowEnded(for address: String, at now: Double) -> (
        reports: [AuthenticationFailureReport], watchAgain: Bool
    ) {
        guard var entry = entries[address], let start = entry.windowStart else { return ([], false) }
        guard entry.unreported > 0 || entry.turnedAway > 0 else {
            entry.windowStart = nil
            entries[address] = entry
            return ([], false)
        }
        var reports: [AuthenticationFailureReport] = []
        let (allowed, note) = claimLine(at: now)
        if let note { reports.append(note) }
        if allowed {
            reports.append(report(address, entry, since: start, at: now))
        } else {
            unlogged += entry.unreported
            unloggedAddresses += 1
        }
        entry.reported(at: now)
        entries[address] = entry
        return (reports, true)
    }

    /// Every failure not reported yet, for the last lines before shutdown.
    public mutating func drain(at now: Double) -> [AuthenticationFailureReport] {
        var reports: [AuthenticationFailureReport] = []
        for address in entries.keys.sorted() {
            guard var entry = entries[address], let start = entry.windowStart,
                entry.unreported > 0 || entry.turnedAway > 0
            else { continue }
            reports.append(report(address, entry, since: start, at: now))
            entry.reported(at: now)
            entries[address] = entry
        }
        if unlogged > 0 {
            reports.append(.unlogged(failures: unlogged, addresses: unloggedAddresses, seconds: now - linesStart))
            unlogged = 0
            unloggedAddresses = 0
        }
        return reports
    }

    private func delay(forScore score: Double) -> Double {
        min(settings.maximumDelay, settings.firstDelay * exp2(max(0, score - 1)))
    }

    private func report(
        _ address: String, _ entry: AddressFailures, since start: Double, at now: Double
    ) -> AuthenticationFailureReport {
        .address(
            address, failures: entry.unreported, turnedAway: entry.turnedAway, chargerIds: entry.chargerIds,
            moreChargerIds: entry.moreChargerIds, seconds: now - start,
            delay: delay(forScore: entry.score(at: now, halfLife: settings.halfLife) + 1))
    }

    /// Takes one line of the period's budget: whether one is left, and the note about the last
    /// period's unlogged failures when this starts a new period.
    private mutating func claimLine(at now: Double) -> (Bool, AuthenticationFailureReport?) {
        var note: AuthenticationFailureReport?
        if now - linesStart >= settings.summaryPeriod {
            if unlogged > 0 {
                note = .unlogged(failures: unlogged, addresses: unloggedAddresses, seconds: now - linesStart)
            }
            linesStart = now
            linesUsed = 0
            unlogged = 0
            unloggedAddresses = 0
        }
        guard linesUsed < settings.maximumLinesPerPeriod else { return (false, note) }
        linesUsed += 1
        return (true, note)
    }

    /// Keeps the half of the table that failed most, by its count now; what the others had not
    /// reported yet is counted as unlogged. Once per `capacity / 2` new addresses, so O(log n)
    /// per failure.
    private mutating func forgetLeastFailing(at now: Double) {
        let halfLife = settings.halfLife
        let kept = max(1, settings.capacity / 2)
        let scores = entries.values.map { $0.score(at: now, halfLife: halfLife) }.sorted(by: >)
        let threshold = scores[min(kept, scores.count) - 1]
        // Every address above the threshold stays; those at it fill the places left.
        var placesAtThreshold = kept - scores.prefix(kept).filter { $0 > threshold }.count
        for (address, entry) in entries {
            let score = entry.score(at: now, halfLife: halfLife)
            if score > threshold { continue }
            if score == threshold && placesAtThreshold > 0 {
                placesAtThreshold -= 1
                continue
            }
            if entry.unreported > 0 {
                unlogged += entry.unreported
                unloggedAddresses += 1
            }
            entries[address] = nil
        }
    }
}
