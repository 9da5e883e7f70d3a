/// One observer of the engine's events, held by reference: a closure stored as a lock's value can
/// be reabstracted on every read (docs/architecture.md, "Logging"), a reference reads back as stored.
final class EngineEventObserver: Sendable {
    let notify: @Sendable (EngineEvent) -> Void

    init(_ notify: @escaping @Sendable (EngineEvent) -> Void) {
        self.notify = notify
    }
}
