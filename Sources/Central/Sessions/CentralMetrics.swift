import Synchronization

/// Counters of the OCPP-J traffic with every charger and of failed charger logins, for `GET /metrics`.
///
/// Sessions count on their loops; readers (the HTTP API) read from any thread. Relaxed atomics
/// suffice: each counter is independent and only ever grows.
public final class CentralMetrics: Sendable {
    private let received = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)
    private let authenticationFailures = Atomic<Int>(0)
    private let profileRefusals = Mutex<[String: Int]>([:])
    private let securityEventTypes = Mutex<[String: Int]>([:])
    /// Distinct SecurityEventNotification types counted by name; chargers choose the names, so
    /// past this many the rest are counted as `other`.
    static let securityEventTypeLimit = 100

    public init() {}

    /// OCPP-J messages (CALL, CALLRESULT, CALLERROR) received from chargers since start-up.
    public var messagesReceived: Int { received.load(ordering: .relaxed) }
    /// OCPP-J messages sent to chargers since start-up.
    public var messagesSent: Int { sent.load(ordering: .relaxed) }

    /// Upgrades refused because their HTTP Basic credentials were wrong, since start-up.
    public var failedLogins: Int { authenticationFailures.load(ordering: .relaxed) }

    /// Counts one message received from a charger.
    public func countReceived() { received.add(1, ordering: .relaxed) }
    /// Counts one message sent to a charger.
    public func countSent() { sent.add(1, ordering: .relaxed) }
    /// Upgrades refused below the charger's security profile since start-up, by
    /// `SecurityProfileRefusal.label`.
    public var securityProfileRefusals: [String: Int] { profileRefusals.withLock { $0 } }

    /// Counts one upgrade refused below the charger's security profile.
    public func countSecurityProfileRefusal(_ refusal: SecurityProfileRefusal) {
        profileRefusals.withLock { $0[refusal.label, default: 0] += 1 }
    }
    /// SecurityEventNotifications received since start-up, by type.
    public var securityEvents: [String: Int] { securityEventTypes.withLock { $0 } }

    /// Counts one SecurityEventNotification.
    public func countSecurityEvent(type: String) {
        securityEventTypes.withLock { counts in
            let known = counts[type] != nil || counts.count < CentralMetrics.securityEventTypeLimit
            counts[known ? type : "other", default: 0] += 1
        }
    }
    /// Counts one upgrade refused for wrong credentials.
    public func countAuthenticationFailure() { authenticationFailures.add(1, ordering: .relaxed) }
}
