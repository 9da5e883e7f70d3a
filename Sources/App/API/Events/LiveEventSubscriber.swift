/// One open event stream as the hub sees it: where to hand each burst of events (the stream hops
/// onto its connection's loop from there).
final class LiveEventSubscriber: Sendable {
    let deliver: @Sendable (LiveEventBatch) -> Void

    init(_ deliver: @escaping @Sendable (LiveEventBatch) -> Void) {
        self.deliver = deliver
    }
}
