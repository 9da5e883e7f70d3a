/// One open event stream as the hub sees it: where to hand its events (the stream hops onto its
/// connection's loop from there).
final class LiveEventSubscriber: Sendable {
    let deliver: @Sendable ([LiveEvent]) -> Void

    init(_ deliver: @escaping @Sendable ([LiveEvent]) -> Void) {
        self.deliver = deliver
    }
}
