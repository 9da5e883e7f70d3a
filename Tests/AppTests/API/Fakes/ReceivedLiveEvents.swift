import Synchronization

@testable import App

/// An event stream as the hub sees it, for tests: keeps every burst it is handed.
final class ReceivedLiveEvents: Sendable {
    private let received = Mutex<[LiveEventBatch]>([])

    /// Every burst handed over, in order.
    var batches: [LiveEventBatch] { received.withLock { $0 } }

    var events: [LiveEvent] { batches.flatMap(\.events) }

    /// Opens the stream on `hub`; answers how it begins.
    @discardableResult
    func subscribe(to hub: LiveEvents, after lastEventId: String? = nil) -> LiveEvents.Start {
        hub.subscribe(lastEventId: lastEventId) { [self] batch in received.withLock { $0.append(batch) } }.start
    }
}
