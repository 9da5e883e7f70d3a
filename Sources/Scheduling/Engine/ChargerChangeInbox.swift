import ChargingModel
import Synchronization

/// Directory changes waiting for the engine, in the order they happened.
///
/// Observers append from any thread without touching the engine actor; the engine takes the
/// whole batch at once. A car park reconnecting sends thousands of changes in a second: handled
/// one actor hop each, they queued behind evaluation passes for seconds (measured with 1,000
/// chargers); taken in batches, a pass sees all of them. Changes that need no prompt answer
/// (`ChargerChange.wakesTheEngine`) schedule no delivery: they go with the next one, or the next
/// pass, which takes the inbox first.
final class ChargerChangeInbox: Sendable {
    private struct State {
        var changes: [ChargerChange] = []
        /// A delivery was asked for and has not taken the changes yet.
        var isDeliveryScheduled = false
    }

    private let state = Mutex(State())

    /// Adds a change; true when the caller must schedule a delivery (exactly one per batch that
    /// holds a change that wakes the engine).
    func append(_ change: ChargerChange) -> Bool {
        state.withLock { state in
            state.changes.append(change)
            guard change.wakesTheEngine, !state.isDeliveryScheduled else { return false }
            state.isDeliveryScheduled = true
            return true
        }
    }

    /// Everything that arrived since the last call.
    func drain() -> [ChargerChange] {
        state.withLock { state in
            state.isDeliveryScheduled = false
            defer { state.changes.removeAll(keepingCapacity: true) }
            return state.changes
        }
    }
}
