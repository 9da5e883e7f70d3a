import Logging
import Synchronization
import Transport

/// The central system's `AuthenticationThrottle`, shared by the connections of every loop: it
/// counts failed logins in the metrics and writes the throttle's summary lines.
///
/// Cheap enough for its job: each upgrade request takes the lock for one dictionary look-up, each
/// failed login for its bookkeeping.
final class AuthenticationGuard: Sendable {
    let settings: AuthenticationThrottleSettings
    private let throttle: Mutex<AuthenticationThrottle>
    private let metrics: CentralMetrics
    private let logger = Logger(label: "central")

    init(settings: AuthenticationThrottleSettings, metrics: CentralMetrics) {
        self.settings = settings
        self.metrics = metrics
        throttle = Mutex(AuthenticationThrottle(settings: settings, now: Self.now()))
    }

    /// Whether a request from `host` must be turned away (429) before its credentials are checked;
    /// counts it when so.
    func turnsAway(_ host: String) -> Bool {
        throttle.withLock { throttle in
            guard throttle.isSaturated(host) else { return false }
            throttle.recordTurnedAway(host)
            return true
        }
    }

    /// Records a failed login; the caller holds the 401 back for the verdict's delay, then calls
    /// `refusalAnswered`.
    func failed(host: String, chargerId: String) -> AuthenticationFailureVerdict {
        metrics.countAuthenticationFailure()
        let verdict = throttle.withLock { $0.recordFailure(from: host, chargerId: chargerId, at: Self.now()) }
        for report in verdict.reports { logger.warning(report.message) }
        return verdict
    }

    func refusalAnswered(host: String) {
        throttle.withLock { $0.refusalAnswered(host) }
    }

    /// Writes `host`'s summary line each `summaryPeriod` while it keeps failing: timers on `loop`.
    func watchWindow(of host: String, on loop: EventLoop) {
        loop.scheduleTimer(after: settings.summaryPeriod) { [self] in
            let (reports, watchAgain) = throttle.withLock { $0.windowEnded(for: host, at: Self.now()) }
            for report in reports { logger.warning(report.message) }
            if watchAgain { watchWindow(of: host, on: loop) }
        }
    }

    /// Writes what was not reported yet (at shutdown).
    func drain() {
        let reports = throttle.withLock { $0.drain(at: Self.now()) }
        for report in reports { logger.warning(report.message) }
    }

    private static func now() -> Double {
        Double(MonotonicClock.nanoseconds()) / 1_000_000_000
    }
}
