import Synchronization

/// Queued writes on their way to the store's queue, handed over in batches.
///
/// A block on the store's dispatch queue per write woke the store's thread once per meter value,
/// status or event (a futex call on the caller's thread, often an event loop): a car park's
/// chargers disconnecting together spent a sixth of the loops' time there. Writers append here
/// under a lock; the first write of a batch schedules one block for `batchMaxDelayMilliseconds`
/// later (`relaxedBatchMaxDelayMilliseconds` for a write that may wait longer, until a write
/// that may not comes), a batch that reaches `batchMaxRows` one at once, and every other block
/// on the queue takes the inbox first, so that it sees every write made before it.
final class StoreWriteInbox: Sendable {
    /// What the writer must schedule on the store's queue.
    enum Delivery: Equatable {
        case none
        /// The batch's first write: take the inbox and commit after the batch delay (or the
        /// relaxed one).
        case after(DelayedDelivery)
        /// The batch is full: take the inbox and commit now.
        case now
    }

    /// Which of the two delays a delivery waits.
    enum DelayedDelivery {
        /// `batchMaxDelayMilliseconds`.
        case batch
        /// `relaxedBatchMaxDelayMilliseconds` (`PendingWrite.mayWaitRelaxedDelay`).
        case relaxed
    }

    private struct State {
        var writes: [PendingWrite] = []
        var rows = 0
        var isDelayedDeliveryScheduled = false
        var isRelaxedDeliveryScheduled = false
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
            // A delivery within the batch delay serves any write; a relaxed one only writes that
            // may wait as long.
            guard !state.isDelayedDeliveryScheduled else { return .none }
            if write.mayWaitRelaxedDelay {
                guard !state.isRelaxedDeliveryScheduled else { return .none }
                state.isRelaxedDeliveryScheduled = true
                return .after(.relaxed)
            }
            state.isDelayedDeliveryScheduled = true
            return .after(.batch)
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

    /// A delayed delivery runs: the next write that needs one schedules another. Call before
    /// `take()`.
    func delayedDeliveryStarts(_ delivery: DelayedDelivery) {
        state.withLock { state in
            switch delivery {
            case .batch: state.isDelayedDeliveryScheduled = false
            case .relaxed: state.isRelaxedDeliveryScheduled = false
            }
        }
    }
}
