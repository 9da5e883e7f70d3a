import Foundation
import JSON
import Synchronization

/// The hub of `GET /api/events`: numbers each event, keeps the latest `capacity` of them so that a
/// client that reconnects with `Last-Event-ID` gets what it missed, and hands each event to every
/// open stream.
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
    }

    private let state = Mutex(State())
    private let epoch: String
    let capacity: Int

    /// - Parameter capacity: how many recent events a reconnecting client can catch up on.
    public init(capacity: Int = 1000) {
        self.capacity = max(1, capacity)
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

    /// The id of the latest event published to a stream, if any.
    var latestId: String? {
        state.withLock { $0.next > 1 ? "\(epoch)-\($0.next - 1)" : nil }
    }

    /// Numbers the event and hands it to every stream; without streams it is dropped (and
    /// resumption across it is refused).
    public func publish(_ name: String, _ data: JSONValue) {
        let text = String(decoding: JSONWriter.bytes(data), as: UTF8.self)
        let receivers: [LiveEventSubscriber]
        let event: LiveEvent
        (receivers, event) = state.withLock { state in
            guard !state.subscribers.isEmpty else {
                state.dropMark = state.next - 1
                return ([], LiveEvent(id: "", name: name, data: ""))
            }
            let event = LiveEvent(id: "\(epoch)-\(state.next)", name: name, data: text)
            state.next += 1
            if state.recent.count < capacity {
                state.recent.append(event)
            } else {
                state.recent[state.oldest] = event
                state.oldest = (state.oldest + 1) % capacity
            }
            return (Array(state.subscribers.values), event)
        }
        for receiver in receivers { receiver.deliver([event]) }
    }

    /// Opens a stream: from now on `deliver` gets every event published; answers how the stream
    /// begins and the token for `unsubscribe`. Registration and the catch-up are read under one
    /// lock, so nothing falls between them.
    func subscribe(
        lastEventId: String?, deliver: @escaping @Sendable ([LiveEvent]) -> Void
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
