import Synchronization

/// Counters of the OCPP-J traffic with every charger and of failed charger logins, for `GET /metrics`.
///
/// Sessions count on their loops; readers (the HTTP API) read from any thread. Relaxed atomics
/// suffice: each counter is independent and only ever grows.
public final class CentralMetrics: Sendable {
    private let received = Atomic<Int>(0)
    private let sent = Atomic<Int>(0)
    private let authenticationFailures = Atomic<Int>(0)

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
    /// Counts one upgrade refused for wrong credentials.
    public func countAuthenticationFailure() { authenticationFailures.add(1, ordering: .relaxed) }
}
