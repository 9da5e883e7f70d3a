import Dispatch
import Foundation
import Logging
import SQLite

/// The store's connection and write queue, confined to the store's serial dispatch queue.
///
/// `@unchecked Sendable`: every property is read and written only by blocks running on `queue`
/// (a serial queue), which `Store` guarantees by touching this object nowhere else; the class
/// crosses threads only as a reference captured by those blocks. Debug builds check it: the
/// connection and the queued writes trap when touched off the queue. (`inbox`, which writers fill
/// from any thread, is `Store`'s and guarded by its own lock.)
final class StoreDatabase: @unchecked Sendable {
    let queue: DispatchQueue
    let options: StoreOptions
    private let queueConfinedConnection: SQLiteConnection
    private let checkpointer: StoreCheckpointer?
    let logger = Logger(label: "store")

    var isClosed = false
    /// Queued writes on their way here (`Store.enqueue`), taken by every block on the queue.
    let inbox: StoreWriteInbox
    private var pending: [PendingWrite] = []
    private var pendingRowCount = 0
    /// How many times queued writes were handed over from the inbox (for tests: batches, not
    /// one per write).
    private(set) var queuedWriteDeliveries = 0
    /// Called with the outcome once the writes queued before them are committed.
    private var commitWaiters: [@Sendable (_ committed: Bool) -> Void] = []
    private var isCommitScheduled = false
    /// Charger ids known to have a row, so that queued writes insert it at most once.
    var knownChargers: Set<String> = []
    /// Queued rows that could not be written (logged one by one).
    var failedWriteCount = 0

    init(path: String, options: StoreOptions, queue: DispatchQueue, inbox: StoreWriteInbox) throws {
        queue.assertIsCurrent()
        self.queue = queue
        self.options = options
        self.inbox = inbox
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds)
        queueConfinedConnection = connection
        let mode = try connection.scalar("PRAGMA journal_mode = WAL")
        if mode != .text("wal") && path != ":memory:" {
            // An in-memory database (tests) has no WAL; a file that refuses it deserves a warning.
            logger.warning("database \(path): journal_mode is \(mode), not wal")
        }
        try connection.execute("PRAGMA synchronous = \(options.survivesPowerLoss ? "FULL" : "NORMAL")")
        // Checkpoints run from a second connection (see StoreCheckpointer). The automatic one,
        // which would run inside our commits, stays only as a safety net for a WAL past ~200 MB.
        try connection.execute("PRAGMA wal_autocheckpoint = 50000")
        // A WAL that grew during a burst is cut back to 64 MB when it starts over.
        try connection.execute("PRAGMA journal_size_limit = 67108864")
        let previous = try StoreSchema.migrator.migrate(connection)
        if previous < StoreSchema.latestVersion {
            logger.info("database \(path): schema version \(previous) -> \(StoreSchema.latestVersion)")
        }
        checkpointer =
            mode == .text("wal")
            ? try StoreCheckpointer(
                path: path, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds, storeQueue: queue) : nil
    }

    /// The store's SQLite connection: on the store's queue only (checked in debug builds).
    var connection: SQLiteConnection {
        queue.assertIsCurrent()
        return queueConfinedConnection
    }

    // MARK: Queued writes

    /// Takes the writes waiting in the inbox into the next batch: the first thing every block on
    /// the queue does, so that it sees every write made before it.
    func takeQueuedWrites() {
        queue.assertIsCurrent()
        let writes = inbox.take()
        guard !writes.isEmpty else { return }
        queuedWriteDeliveries += 1
        let rows = writes.reduce(0) { $0 + $1.rowCount }
        guard !isClosed else {
            failedWriteCount += rows
            logger.warning("store is closed: dropped \(writes.count) queued writes of \(rows) rows")
            return
        }
        pending += writes
        pendingRowCount += rows
    }

    /// Calls `waiter` once every write queued so far is committed, with whether it was. A batch
    /// someone waits for is committed as soon as the queue gets to it, not after
    /// `batchMaxDelayMilliseconds`: what arrives meanwhile joins it (a group commit).
    func addCommitWaiter(_ waiter: @escaping @Sendable (_ committed: Bool) -> Void) {
        queue.assertIsCurrent()
        guard !isClosed else { return waiter(false) }
        guard !pending.isEmpty else { return waiter(true) }
        commitWaiters.append(waiter)
        guard !isCommitScheduled else { return }
        isCommitScheduled = true
        queue.async { [self] in
            isCommitScheduled = false
            writePending()
        }
    }

    /// Commits every queued write in one transaction. A row that fails (a constraint) is logged
    /// and skipped; the others are kept.
    func writePending() {
        queue.assertIsCurrent()
        guard !pending.isEmpty, !isClosed else { return }
        let writes = pending
        let rows = pendingRowCount
        let waiters = commitWaiters
        pending = []
        pendingRowCount = 0
        commitWaiters = []
        var committed = true
        do {
            try connection.transaction {
                for write in writes { apply(write) }
            }
            options.onBatchCommit?(rows)
            requestCheckpoint()
        } catch {
            committed = false
            failedWriteCount += rows
            logger.error("could not commit \(rows) queued rows: \(error)")
        }
        for waiter in waiters { waiter(committed) }
    }

    /// Called after durable writes, which do not go through `writePending`.
    func didWrite() {
        requestCheckpoint()
    }

    private func requestCheckpoint() {
        checkpointer?.requestIfDue { [self] in
            queue.async { [self] in
                // The background checkpoint copied the WAL while we kept writing; copying the
                // last few frames here, between our own transactions, lets the next one start
                // the WAL over (SQLite restarts it only when a write begins on a fully copied WAL).
                guard !isClosed else { return }
                do {
                    try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
                } catch {
                    logger.warning("WAL checkpoint failed: \(error)")
                }
            }
        }
    }

    func close() {
        queue.assertIsCurrent()
        writePending()
        isClosed = true
        checkpointer?.close()
        connection.close()
    }

    /// Runs one row's write; when a foreign key fails because a charger row was deleted behind
    /// our back (a `sqlite3` user), forgets the cached ids and tries once more.
    private func attempt(_ what: @autoclosure () -> String, _ body: () throws -> Void) {
        do {
            try body()
        } catch let error as SQLiteError where error.isForeignKeyViolation {
            knownChargers.removeAll()
            do {
                try body()
            } catch {
                failedWriteCount += 1
                logger.error("could not write \(what()): \(error)")
            }
        } catch {
            failedWriteCount += 1
            logger.error("could not write \(what()): \(error)")
        }
    }

    private func apply(_ write: PendingWrite) {
        switch write {
        case .meterValues(let values):
            for value in values {
                attempt("meter value of \(value.chargerId)") { try insertMeterValue(value) }
            }
        case .status(let status):
            attempt("status of \(status.chargerId)") { try insertStatus(status) }
        case .event(let event):
            attempt("\(event.kind) event of \(event.chargerId)") { try insertEvent(event) }
        case .command(let command):
            attempt("\(command.action) command to \(command.chargerId)") { try insertCommand(command) }
        case .boot(let boot):
            attempt("boot of \(boot.chargerId)") { try updateBoot(boot) }
        case .seen(let chargerId, let at, let isHeartbeat):
            attempt("last seen of \(chargerId)") { try updateSeen(chargerId, at: at, isHeartbeat: isHeartbeat) }
        case .features(let chargerId, let features, let connectorCount):
            attempt("features of \(chargerId)") {
                try updateFeatures(chargerId, features: features, connectorCount: connectorCount)
            }
        }
    }

    /// Makes sure `chargers` has a row for `id` (child tables reference it).
    func ensureCharger(_ id: String, at date: Date) throws {
        guard !knownChargers.contains(id) else { return }
        try connection.run(
            "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)", [id, StoreTimestamp.text(date)])
        // Inside a transaction that may still roll back: the cache is only a hint, and a stale
        // entry is repaired by `attempt`'s retry.
        knownChargers.insert(id)
    }
}
