import Store

/// One observer of recorded commands, held by reference: a closure stored as a lock's value can be
/// reabstracted on every read (docs/architecture.md, "Logging").
final class CommandObserver: Sendable {
    let notify: @Sendable (CommandRecord) -> Void

    init(_ notify: @escaping @Sendable (CommandRecord) -> Void) {
        self.notify = notify
    }
}
