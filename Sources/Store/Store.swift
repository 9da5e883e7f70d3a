import Dispatch
import Foundation

/// Ampwise's SQLite database: what the rest of the app records and reads.
///
/// SQLite blocks, so every statement runs on the store's own serial dispatch queue, never on an
/// event loop or the Swift cooperative pool. Two kinds of writes:
///
/// - `async` writes (transactions, decisions, tariff, settings, configuration) return
///   once committed: a StartTransaction's id is durable before the CALLRESULT carries it.
/// - queued writes (meter values, status, events, commands, boot and heartbeat details, inputs) return
///   at once and are committed in batches: after `StoreOptions.batchMaxRows` rows or
///   `batchMaxDelayMilliseconds` (`relaxedBatchMaxDelayMilliseconds` for a batch of input values
///   only), whichever comes first, one transaction per batch; at once when someone waits for them
///   with `whenQueuedWritesCommitted` (charge point management answers a charger only then).
///
/// Calls run in the order they were made, and every read first commits what is queued, so a
/// read sees every write made before it. Queued rows that cannot be written are
/// logged and counted (`failedWriteCount()`). Call `close()` at shutdown; `flush()` in tests.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    private let queue: DispatchQueue
    private let database: StoreDatabase
    /// Queued writes on their way to `database`, and how long a batch waits for more.
    private let inbox: StoreWriteInbox
    private let batchDelay: DispatchTimeInterval
    private let relaxedBatchDelay: DispatchTimeInterval

    /// Opens (creating it if needed) the database at `path` in WAL mode and migrates it to
    /// `StoreSchema.latestVersion`.
    ///
    /// Blocks the calling thread while it opens and migrates: call it at start-up.
    /// - Throws: `SQLiteError` (with its result code) when the file cannot be opened or
    ///   migrated, `SQLiteMigrationError.databaseIsNewer` for a database from a newer version.
    public init(path: String, options: StoreOptions = StoreOptions()) throws {
        self.path = path
        let queue = DispatchQueue(label: "ampwise.store")
        self.queue = queue
        let inbox = StoreWriteInbox(batchMaxRows: options.batchMaxRows)
        self.inbox = inbox
        batchDelay = .milliseconds(options.batchMaxDelayMilliseconds)
        relaxedBatchDelay = .milliseconds(options.relaxedBatchMaxDelayMilliseconds)
        database = try queue.sync { try StoreDatabase(path: path, options: options, queue: queue, inbox: inbox) }
        if let hours = options.inputHistoryFullResolutionHours {
            InputHistoryThinner(
                database: database, fullResolutionHours: hours, onThinned: options.onInputHistoryThinned
            )
            .start(after: options.inputHistoryThinningDelay)
        }
    }

    deinit {
        // Commit what is still queued even when nobody called close().
        onQueue { database in
            if !database.isClosed { database.close() }
        }
    }

    /// Commits every queued write; returns once they are on disk (as far as WAL goes).
    public func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            onQueue { database in
                database.writePending()
                continuation.resume()
            }
        }
    }

    /// Commits what is queued and closes the database. Later calls throw `StoreError.closed`;
    /// later queued writes are dropped and logged.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            onQueue { database in
                if !database.isClosed { database.close() }
                continuation.resume()
            }
        }
    }

    /// Queued rows that could not be written since the store opened (each one was logged).
    public func failedWriteCount() async throws -> Int {
        try await perform { database in database.failedWriteCount }
    }

    /// The schema version of the open database.
    public func schemaVersion() async throws -> Int {
        try await perform { database in try StoreSchema.migrator.currentVersion(of: database.connection) }
    }

    // MARK: Running work on the queue

    /// Runs `work` on the store's queue once the queued writes made before are in its batch.
    /// Every block on the queue goes through here (see `StoreWriteInbox`).
    private func onQueue(_ what: String = #function, _ work: @escaping @Sendable (StoreDatabase) -> Void) {
        let queuedAt = ContinuousClock.now
        queue.async { [database] in
            let startedAt = ContinuousClock.now
            database.takeQueuedWrites()
            work(database)
            StoreQueueTrace.report(what, queuedAt: queuedAt, startedAt: startedAt)
        }
    }

    /// Runs `work` on the store's queue and returns its result.
    ///
    /// Reads commit what is queued first (`flushingQueue`), so that they see every write made
    /// before them. Durable writes do not: a StartTransaction must not wait for a batch of meter
    /// values that has nothing to do with it.
    func perform<Result: Sendable>(
        flushingQueue: Bool = true, what: String = #function,
        _ work: @escaping @Sendable (StoreDatabase) throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            onQueue(what) { database in
                guard !database.isClosed else {
                    continuation.resume(throwing: StoreError.closed)
                    return
                }
                if flushingQueue { database.writePending() }
                do {
                    let result = try work(database)
                    if !flushingQueue { database.didWrite() }
                    continuation.resume(returning: result)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Calls `body` once every write queued before this call is committed, with whether it was
    /// (`false`: the batch failed, or the store is closed). It runs on the store's queue: keep it
    /// short. A batch someone waits for is committed at once rather than after
    /// `batchMaxDelayMilliseconds`, so a charger's answer waits for a commit, not for a timer.
    public func whenQueuedWritesCommitted(_ body: @escaping @Sendable (_ committed: Bool) -> Void) {
        onQueue { database in database.addCommitWaiter(body) }
    }

    /// Returns once every write queued before this call is committed: `true`, or `false` when the
    /// batch failed or the store is closed (see `whenQueuedWritesCommitted`).
    public func queuedWritesCommitted() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            whenQueuedWritesCommitted { committed in continuation.resume(returning: committed) }
        }
    }

    /// Queues `write` for the next batch without waiting: committed `batchMaxDelayMilliseconds`
    /// after the batch's first write at the latest (`relaxedBatchMaxDelayMilliseconds` for input
    /// values while nothing else is queued), at once when the batch is full or someone waits for it.
    func enqueue(_ write: PendingWrite) {
        switch inbox.append(write) {
        case .none:
            break
        case .after(let delivery):
            let queuedAt = ContinuousClock.now
            let delay = delivery == .batch ? batchDelay : relaxedBatchDelay
            queue.asyncAfter(deadline: .now() + delay) { [database, inbox] in
                let startedAt = ContinuousClock.now
                inbox.delayedDeliveryStarts(delivery)
                database.takeQueuedWrites()
                database.writePending(commandLimit: StoreDatabase.commandsPerTransaction)
                StoreQueueTrace.report("delayed batch", queuedAt: queuedAt, startedAt: startedAt)
            }
        case .now:
            onQueue { database in database.writePending(commandLimit: StoreDatabase.commandsPerTransaction) }
        }
    }
}
