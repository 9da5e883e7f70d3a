import Synchronization

/// Hands central-system events to every subscribed stream.
///
/// Publishing checks an atomic subscriber count first, so that with nobody listening (the usual
/// case for per-message events) the hot path costs one relaxed load.
final class CentralEventPublisher: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<CentralEvent>.Continuation]>([:])
    private let subscriberCount = Atomic<Int>(0)
    private let nextId = Atomic<Int>(0)

    var hasSubscribers: Bool { subscriberCount.load(ordering: .relaxed) > 0 }

    func subscribe() -> AsyncStream<CentralEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: CentralEvent.self, bufferingPolicy: .bufferingNewest(10_000))
        let id = nextId.add(1, ordering: .relaxed).newValue
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        subscribers.withLock { $0[id] = continuation }
        subscriberCount.add(1, ordering: .relaxed)
        return stream
    }

    private func unsubscribe(_ id: Int) {
        if subscribers.withLock({ $0.removeValue(forKey: id) }) != nil {
            subscriberCount.subtract(1, ordering: .relaxed)
        }
    }

    func publish(_ event: @autoclosure () -> CentralEvent) {
        guard hasSubscribers else { return }
        let event = event()
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
