import ChargingModel

/// One observer of the fleet's changes, held by reference.
///
/// `ChargerFleet` keeps its observers behind a lock and reads them on every change; a reference
/// reads back as it was stored, where a closure stored as a lock's value can be reabstracted on
/// every read (docs/architecture.md, "Logging": what crashed the logger).
final class ChargerChangeObserver: Sendable {
    let notify: @Sendable (ChargerChange) -> Void

    init(_ notify: @escaping @Sendable (ChargerChange) -> Void) {
        self.notify = notify
    }
}
