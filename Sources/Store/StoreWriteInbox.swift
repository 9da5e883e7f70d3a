import Synchronization

/// Queued writes on their way to the store's queue, handed over in batches.
///
/// A block on the store's dispatch queue per write woke the store's thread once per meter value,
/// status or event (a futex call on the caller's thread, often an event loop): a car park's
/// chargers disconnecting together spent a sixth of the loops' time there. Writers append here
/// under a lock; the first write of a batch schedules one block for `batchMaxDelayMilliseconds`
/// later, a batch that reaches `batchMaxRows` one at once, and every other block on the queue
/// takes the inbox first, so that it sees every write made before it.
final class StoreWriteInbox: Sendable {
    /// What the writer must schedule on the store's queue.
    enum Delivery {
        case none
        /// The batch's first write: take the inbox and commit after the batch delay.
        case afterDelay
        /// The batch is full: take the inbox and commit now.
        case now
    }

    private struct State {
        var writes: [PendingWrite] = []
        var rows = 0
        var isDelayedDeliveryScheduled = false
        var isDeliveryScheduledNow = false
    }

    private let state = Mutex(State())
    private let batchMaxRows: Int

    init(batchMaxRows: Int) {
        self.batchMaxRows = batchMaxRows
    }

    func append(_ write: PendingWrite) -> Delivery {
        state.withLock { state in
            state.writes.append(write)
            state.rows += write.rowCount
            if state.rows >= batchMaxRows && !state.isDeliveryScheduledNow {
                state.isDeliveryScheduledNow = true
                return .now
            }
            guard !state.isDelayedDeliveryScheduled else { return .none }
            state.isDelayedDeliveryScheduled = true
            return .afterDelay
        }
    }

    /// Every write appended since the last call, in order. A delayed delivery already scheduled
    /// stays so (it takes what comes meanwhile): at most one is scheduled per batch delay, however
    /// often other blocks take the inbox (every answer that waits for a commit does).
    func take() -> [PendingWrite] {
        state.withLock { state in
            state.isDeliveryScheduledNow = false
            state.rows = 0
            defer { state.writes = [] }
            return state.writes
        }
    }

    /// The delayed delivery runs: the next write schedules another. Call before `take()`.
    func delayedDeliveryStarts() {
        state.withLock { $0.isDelayedDeliveryScheduled = false }
    }
}
