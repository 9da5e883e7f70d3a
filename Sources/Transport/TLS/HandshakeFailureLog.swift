import Synchronization

/// Remembers which host's TLS handshakes failed for which reason, so that a charger that retries
/// with an untrusted or expired certificate every few seconds gives one info line, not one per
/// attempt (the later ones go to debug). Bounded like the charger id warnings: past `capacity`
/// pairs nothing more is remembered and new failures go to debug too, so that a flood of
/// handshakes from many addresses cannot flood the log.
final class HandshakeFailureLog: Sendable {
    static let shared = HandshakeFailureLog()

    let capacity: Int
    private let logged = Mutex<Set<String>>([])

    init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    /// True the first time `reason` is seen from the host of `remoteAddress` (its port left out).
    func isFirst(_ reason: String, from remoteAddress: String) -> Bool {
        let host = remoteAddress.lastIndex(of: ":").map { String(remoteAddress[..<$0]) } ?? remoteAddress
        return logged.withLock { logged in
            guard logged.count < capacity else { return false }
            return logged.insert(host + " " + reason).inserted
        }
    }
}
