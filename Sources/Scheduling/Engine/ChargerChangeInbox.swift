import ChargingModel
import Synchronization

/// Directory changes waiting for the engine, in the order they happened.
///
/// Observers append from any thread without touching the engine actor; the engine takes the
/// whole batch at once. A car park reconnecting sends thousands of changes in a second: handled
/// one actor hop each, they queued behind evaluation passes for seconds (measured with 1,000
/// chargers); taken in batches, a pass sees all of them.
final class ChargerChangeInbox: Sendable {
    private let changes = Mutex<[ChargerChange]>([])

    /// Adds a change; true when the inbox was empty, so that exactly one delivery is scheduled per batch.
    func append(_ change: ChargerChange) -> Bool {
        changes.withLock { changes in
            changes.append(change)
            return changes.count == 1
        }
    }

    /// Everything that arrived since the last call.
    func drain() -> [ChargerChange] {
        changes.withLock { changes in
            defer { changes.removeAll(keepingCapacity: true) }
            return changes
        }
    }
}
