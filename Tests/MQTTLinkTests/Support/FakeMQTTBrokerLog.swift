import MQTT
import Synchronization
import Transport

/// What a `FakeMQTTBroker` received, what it answers, and its newest connection; shared by the
/// test and the broker's connection handlers. A test waits for a packet with `packet(after:where:)`,
/// which returns as soon as it has arrived (or throws after a deadline, so a client that never
/// sends fails the test instead of hanging it).
final class FakeMQTTBrokerLog: Sendable {
    private struct Waiter {
        var id: Int
        var after: Int
        var predicate: @Sendable (ReceivedMQTTPacket) -> Bool
        var continuation: CheckedContinuation<ReceivedMQTTPacket, any Error>
    }

    private struct State {
        var received: [ReceivedMQTTPacket] = []
        var waiters: [Waiter] = []
        var nextWaiterId = 0
        var connections = 0
        var acknowledgesPublishes = true
        var answersPings = true
        var newest: LoopBound<FakeMQTTBrokerHandler>?
    }

    private let state = Mutex(State())

    /// Whether a QoS 1 PUBLISH from the client gets its PUBACK (default: yes).
    var acknowledgesPublishes: Bool {
        get { state.withLock { $0.acknowledgesPublishes } }
        set { state.withLock { $0.acknowledgesPublishes = newValue } }
    }

    /// Whether a PINGREQ gets its PINGRESP (default: yes).
    var answersPings: Bool {
        get { state.withLock { $0.answersPings } }
        set { state.withLock { $0.answersPings = newValue } }
    }

    var connections: Int { state.withLock { $0.connections } }
    /// Every packet received so far, in order.
    var received: [ReceivedMQTTPacket] { state.withLock { $0.received } }
    var newest: LoopBound<FakeMQTTBrokerHandler>? { state.withLock { $0.newest } }

    /// A connection opened: its number.
    func opened(_ handler: LoopBound<FakeMQTTBrokerHandler>) -> Int {
        state.withLock { state in
            state.connections += 1
            state.newest = handler
            return state.connections
        }
    }

    func record(_ packet: MQTTPacket, connection: Int) {
        let ready = state.withLock {
            state -> [(CheckedContinuation<ReceivedMQTTPacket, any Error>, ReceivedMQTTPacket)] in
            let received = ReceivedMQTTPacket(index: state.received.count, connection: connection, packet: packet)
            state.received.append(received)
            let satisfied = state.waiters.filter { received.index >= $0.after && $0.predicate(received) }
            state.waiters.removeAll { waiter in satisfied.contains { $0.id == waiter.id } }
            return satisfied.map { ($0.continuation, received) }
        }
        for (continuation, received) in ready { continuation.resume(returning: received) }
    }

    /// The first packet at or after log position `after` that `predicate` accepts, waiting for it
    /// at most `timeout`.
    func packet(
        after: Int = 0, within timeout: Duration = .seconds(20), _ what: String,
        where predicate: @escaping @Sendable (ReceivedMQTTPacket) -> Bool
    ) async throws -> ReceivedMQTTPacket {
        try await withCheckedThrowingContinuation { continuation in
            let found = state.withLock { state -> ReceivedMQTTPacket? in
                if let found = state.received.dropFirst(after).first(where: predicate) { return found }
                state.nextWaiterId += 1
                let id = state.nextWaiterId
                state.waiters.append(Waiter(id: id, after: after, predicate: predicate, continuation: continuation))
                Task { [weak self] in
                    // A deadline, not a synchronisation: it only fires when the packet never comes.
                    try? await Task.sleep(for: timeout)
                    self?.expire(id, what)
                }
                return nil
            }
            if let found { continuation.resume(returning: found) }
        }
    }

    private func expire(_ id: Int, _ what: String) {
        let expired = state.withLock { state -> (CheckedContinuation<ReceivedMQTTPacket, any Error>, [String])? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            let waiter = state.waiters.remove(at: index)
            return (waiter.continuation, state.received.map { "\($0.packet.type)@\($0.connection)" })
        }
        if let (continuation, received) = expired {
            continuation.resume(throwing: FakeMQTTBrokerTimeout(waitedFor: what, received: received))
        }
    }
}
