import Synchronization

/// Remembers which charger was refused for which reason below its security profile, so that a
/// charger that retries every few seconds gives one log line per reason, not one per attempt (the
/// attempts are counted in `CentralMetrics`). Bounded like `ChargerIdWarnings`: past `capacity`
/// pairs nothing more is remembered and nothing more logged.
final class SecurityProfileRefusalLog: Sendable {
    let capacity: Int
    private let logged = Mutex<Set<String>>([])

    init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    /// True the first time `chargerId` is refused for this kind of reason.
    func shouldLog(_ refusal: SecurityProfileRefusal, of chargerId: String) -> Bool {
        logged.withLock { logged in
            guard logged.count < capacity else { return false }
            return logged.insert(refusal.label + " " + chargerId).inserted
        }
    }
}
