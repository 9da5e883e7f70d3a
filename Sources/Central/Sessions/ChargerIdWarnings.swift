import Synchronization
import WebSocket

/// Remembers the charger ids Ampwise has warned about (printable, but outside the set OCPP
/// recommends: `ChargerIdRules.isRecommended`), so that each is warned about once, not at every
/// reconnection. Bounded: anyone may connect with a new id when unknown chargers are allowed, so
/// after `capacity` ids no more are remembered and no more warnings are given.
final class ChargerIdWarnings: Sendable {
    let capacity: Int
    private let warned = Mutex<Set<String>>([])

    init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    /// Whether to warn about `id` now: true the first time an unusual id is seen, while there is
    /// room to remember it.
    func shouldWarn(about id: String) -> Bool {
        guard !ChargerIdRules.isRecommended(id) else { return false }
        return warned.withLock { warned in
            guard warned.count < capacity else { return false }
            return warned.insert(id).inserted
        }
    }
}
