import Dispatch
import Foundation
import JSON
import Synchronization

/// The hub of `GET /api/events`: gathers the events of a burst, numbers each, keeps the latest
/// `capacity` of them so that a client that reconnects with `Last-Event-ID` gets what it missed,
/// and hands each burst to every open stream.
///
/// A burst is what is published within `burstWindow` of its first event. In it, an event that
/// carries a whole state (a charger's object, the inputs, the prices: its `key`) replaces the one
/// of the same key before it, so 10,000 chargers booting cost each stream one write per window
/// and each charger's latest object, not every step of it (BENCHMARKS.md, "Dashboard"). Events
/// are numbered when their burst is sent, so that what the recent buffer holds is exactly what
/// the streams were sent, and a client that resumes gets the same events in the same order: a
/// state replaced within a burst was never sent to anyone, and the one that replaced it is there.
///
/// Events are only made while someone listens (`hasSubscribers`): a site nobody watches builds no
/// charger objects. An event not made breaks resumption across it (`dropMark`), so a client that
/// comes back after such a gap gets the whole state again instead.
public final class LiveEvents: Sendable {
    /// How a new stream begins.
    enum Start {
        /// The events after the client's `Last-Event-ID`: it has everything before.
        case resume([LiveEvent])
        /// The client needs the whole state (a first connection, or too much was missed).
        case snapshot
    }

    private struct State {
        var next = 1
        var recent: [LiveEvent] = []
        /// `recent[oldest]` is the oldest kept event (a ring once full).
        var oldest = 0
        /// The number of the last event before a gap: resuming from it or earlier misses something.
        var dropMark = 0
        var subscribers: [Int: LiveEventSubscriber] = [:]
        var nextSubscriber = 0
        var droppedStreams = 0
        /// The burst being gathered; a replaced event leaves a nil.
        var pending: [PendingLiveEvent?] = []
        var pendingIndexByKey: [String: Int] = [:]
        var flushScheduled = false
    }

    private let state = Mutex(State())
    private let epoch: String
    let capacity: Int
    /// How long a burst gathers before it is sent; nil: only when `flush()` is called (tests).
    let burstWindow: Double?
    /// Sends the bursts one after the other, so that every stream gets them in their order.
    private let flusher = DispatchQueue(label: "ampwise.live-events")

    /// - Parameters:
    ///   - capacity: how many recent events a reconnecting client can catch up on.
    ///   - burstWindow: seconds a burst gathers before it is sent (a tenth of a second: below what
    ///     a person notices on a dashboard, long enough to fold a charger's boot into one object).
    public init(capacity: Int = 1000, burstWindow: Double? = 0.1) {
        self.capacity = max(1, capacity)
        self.burstWindow = burstWindow
        epoch = String(Int(Date().timeIntervalSince1970 * 1000), radix: 36)
    }

    /// Whether any stream is open: producers skip building events nobody would read.
    public var hasSubscribers: Bool {
        state.withLock { !$0.subscribers.isEmpty }
    }

    /// The number of open streams (for tests and `/metrics`).
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Streams dropped because their client read too slowly.
    public var droppedStreamCount: Int {
        state.withLock { $0.droppedStreams }
    }

    func noteDroppedStream() {
        state.withLock { $0.droppedStreams += 1 }
    }

    /// The id of the latest event sent to the streams, if any.
    var latestId: String? {
        state.withLock { $0.next > 1 ? "\(epoch)-\($0.next - 1)" : nil }
    }

    /// Adds the event to the burst being gathered, replacing the one of the same `key` there;
    /// without streams it is dropped (and resumption across it is refused).
    /// - Parameter key: set for an event that carries a whole state (see `PendingLiveEvent.key`).
    public func publish(_ name: String, _ data: JSONValue, key: String? = nil) {
        let text = String(decoding: JSONWriter.bytes(data), as: UTF8.self)
        let event = PendingLiveEvent(name: name, data: text, key: key)
        let schedule = state.withLock { state in
            guard !state.subscribers.isEmpty else {
                // The burst had nobody left to go to either: the gap starts after the last sent.
                state.pending = []
                state.pendingIndexByKey = [:]
                state.dropMark = state.next - 1
                return false
            }
            if let key {
                if let replaced = state.pendingIndexByKey[key] { state.pending[replaced] = nil }
                state.pendingIndexByKey[key] = state.pending.count
            }
            state.pending.append(event)
            guard !state.flushScheduled else { return false }
            state.flushScheduled = true
            return true
        }
        guard schedule, let burstWindow else { return }
        flusher.asyncAfter(deadline: .now() + burstWindow) { [weak self] in self?.flush() }
    }

    /// Numbers the burst gathered so far, keeps it for resumption and hands it to every stream.
    /// Runs on `flusher` (or in a test, where nothing else flushes), so bursts reach each stream
    /// in their order.
    func flush() {
        let (receivers, events): ([LiveEventSubscriber], [LiveEvent]) = state.withLock { state in
            state.flushScheduled = false
            let pending = state.pending
            state.pending = []
            state.pendingIndexByKey = [:]
            var events: [LiveEvent] = []
            events.reserveCapacity(pending.count)
            for case let event? in pending {
                let numbered = LiveEvent(id: "\(epoch)-\(state.next)", pending: event)
                state.next += 1
                if state.recent.count < capacity {
                    state.recent.append(numbered)
                } else {
                    state.recent[state.oldest] = numbered
                    state.oldest = (state.oldest + 1) % capacity
                }
                events.append(numbered)
            }
            return (Array(state.subscribers.values), events)
        }
        guard !events.isEmpty else { return }
        let batch = LiveEventBatch(events)
        for receiver in receivers { receiver.deliver(batch) }
    }

    /// Opens a stream: from now on `deliver` gets every burst sent; answers how the stream begins
    /// and the token for `unsubscribe`. Registration and the catch-up are read under one lock, so
    /// nothing falls between them (a burst being gathered is not in the catch-up: it comes with
    /// its burst).
    func subscribe(
        lastEventId: String?, deliver: @escaping @Sendable (LiveEventBatch) -> Void
    ) -> (token: Int, start: Start) {
        state.withLock { state in
            let token = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[token] = LiveEventSubscriber(deliver)
            return (token, Self.start(after: lastEventId, in: state, epoch: epoch))
        }
    }

    func unsubscribe(_ token: Int) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: token) }
    }

    private static func start(after lastEventId: String?, in state: State, epoch: String) -> Start {
        guard let lastEventId, let separator = lastEventId.firstIndex(of: "-"),
            lastEventId[..<separator] == epoch,
            let last = Int(lastEventId[lastEventId.index(after: separator)...]),
            last < state.next, last > state.dropMark
        else { return .snapshot }
        let ordered = Array(state.recent[state.oldest...] + state.recent[..<state.oldest])
        let missed = state.next - 1 - last
        guard missed <= ordered.count else { return .snapshot }
        return .resume(Array(ordered.suffix(missed)))
    }
}
