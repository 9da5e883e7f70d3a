import Dispatch
import Foundation
import JSON
import Synchronization

/// The hub of `GET /api/events`: gathers the events of a burst, numbers each, keeps the latest
/// `capacity` of them so that a client that reconnects with `Last-Event-ID` gets what it missed,
/// and hands each burst to every open stream.
///
/// A burst is what is published within the burst window of its first event: `burstWindow` (0.1 s)
/// while changes are few, growing up to `longestBurstWindow` (0.4 s) while they come as a flood
/// (`BurstWindow`). In it, an event that carries a whole state (a charger's object, the inputs,
/// the prices: its `key`) replaces the one of the same key before it, so 10,000 chargers booting
/// cost each stream one write per window and each charger's latest object, not every step of it
/// (BENCHMARKS.md, "Dashboard"). Events are numbered when their burst is sent, so that what the
/// recent buffer holds is exactly what the streams were sent, and a client that resumes gets the
/// same events in the same order: a state replaced within a burst was never sent to anyone, and
/// the one that replaced it is there. How long a burst gathered does not change that.
///
/// A state the same as the last one sent for its key is not sent again (a charger's set-up often
/// ends without changing its object: a third of the objects while 10,000 chargers boot). That holds
/// because every open stream ends with the last state sent for each key: it was sent to all of
/// them, and a stream that resumes gets what it missed. A stream that starts from the whole state
/// has not seen those last states, so a new one (and events made while nobody listened) makes the
/// hub forget them, and the next state of each key is sent whatever it is.
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
        /// The last state sent for each key, since the last stream started from the whole state.
        var lastSent: [String: LiveEventFingerprint] = [:]
        var subscribers: [Int: LiveEventSubscriber] = [:]
        var nextSubscriber = 0
        var droppedStreams = 0
        /// The burst being gathered; a replaced event leaves a nil.
        var pending: [PendingLiveEvent?] = []
        var pendingIndexByKey: [String: Int] = [:]
        /// Events published into the burst being gathered, folded ones too.
        var published = 0
        var flushScheduled = false
        var window: BurstWindow
    }

    /// Seconds a burst gathers while changes are few: below what a person notices on a dashboard.
    public static let shortestBurstWindow = 0.1

    private let state: Mutex<State>
    private let epoch: String
    let capacity: Int
    /// How long a burst gathers before it is sent while changes are few; nil: only when `flush()`
    /// is called (tests; the window still adapts, see `currentBurstWindow`).
    let burstWindow: Double?
    /// Sends the bursts one after the other, so that every stream gets them in their order.
    private let flusher = DispatchQueue(label: "ampwise.live-events")

    /// - Parameters:
    ///   - capacity: how many recent events a reconnecting client can catch up on.
    ///   - burstWindow: seconds a burst gathers before it is sent while changes are few
    ///     (`shortestBurstWindow`).
    ///   - longestBurstWindow: seconds a burst gathers at most during a flood (0.4 s: long enough to
    ///     fold a charger's connection and boot into one object; a second folded no more, and held
    ///     the last objects of 10,000 boots longer, into S3's run phase: BENCHMARKS.md, "Dashboard").
    ///   - floodRate: events a second from which a burst counts as a flood (a thousand: six times
    ///     what 10,000 charging chargers make with a meter value a minute each).
    public init(
        capacity: Int = 1000, burstWindow: Double? = LiveEvents.shortestBurstWindow, longestBurstWindow: Double = 0.4,
        floodRate: Double = 1000
    ) {
        self.capacity = max(1, capacity)
        self.burstWindow = burstWindow
        // Without a burst window (tests that send by hand) the flood window still needs its start.
        let shortest = burstWindow ?? LiveEvents.shortestBurstWindow
        state = Mutex(
            State(window: BurstWindow(shortest: shortest, longest: longestBurstWindow, floodRate: floodRate)))
        epoch = String(Int(Date().timeIntervalSince1970 * 1000), radix: 36)
    }

    /// Seconds the next burst gathers (for tests).
    var currentBurstWindow: Double {
        state.withLock { $0.window.current }
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
        let window: Double? = state.withLock { state in
            guard !state.subscribers.isEmpty else {
                // The burst had nobody left to go to either: the gap starts after the last sent.
                state.pending = []
                state.pendingIndexByKey = [:]
                state.published = 0
                state.window.reset()
                state.lastSent = [:]
                state.dropMark = state.next - 1
                return nil
            }
            if let key {
                if let replaced = state.pendingIndexByKey[key] { state.pending[replaced] = nil }
                state.pendingIndexByKey[key] = state.pending.count
            }
            state.pending.append(event)
            state.published += 1
            guard !state.flushScheduled else { return nil }
            state.flushScheduled = true
            return state.window.current
        }
        guard let window, burstWindow != nil else { return }
        flusher.asyncAfter(deadline: .now() + window) { [weak self] in self?.flush() }
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
            state.window.burstSent(published: state.published)
            state.published = 0
            var events: [LiveEvent] = []
            events.reserveCapacity(pending.count)
            for case let event? in pending {
                if let key = event.key, let fingerprint = event.fingerprint {
                    guard state.lastSent[key] != fingerprint else { continue }
                    state.lastSent[key] = fingerprint
                }
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
            let start = Self.start(after: lastEventId, in: state, epoch: epoch)
            if case .snapshot = start { state.lastSent = [:] }
            return (token, start)
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
