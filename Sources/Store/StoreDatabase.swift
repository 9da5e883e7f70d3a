import Dispatch
import Foundation
import Logging
import SQLite
import Synchronization

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
    /// Queued charger data (meter values, status, events, ...): what chargers' answers wait for.
    private var pending: [PendingWrite] = []
    private var pendingRowCount = 0
    /// Queued command records: the audit trail, which no answer waits for. A share divided again
    /// records 1,800 of them at once, each on a page of its own in `commands_by_charger` on a grown
    /// database: committed together with the charger data, they held the answers back 50-190 ms
    /// (BENCHMARKS.md, "Soak"). They are committed in transactions of at most
    /// `commandsPerTransaction`, each a block of its own, in the order they came.
    private var pendingCommands: [PendingWrite] = []
    private var isCommandCommitScheduled = false
    static let commandsPerTransaction = 250
    /// How many times queued writes were handed over from the inbox (for tests: batches, not
    /// one per write).
    private(set) var queuedWriteDeliveries = 0
    /// The most decisions recorded in one transaction so far (for tests: bounded).
    var largestDecisionTransaction = 0
    /// Rows written so far (queued rows and decisions): how `finishCheckpoint` tells how much was
    /// written since the background checkpoint ended. Atomic: read on the checkpoint's queue too.
    let rowsWritten = Atomic<Int>(0)
    /// Called with the outcome once the writes queued before them are committed.
    private var commitWaiters: [@Sendable (_ committed: Bool) -> Void] = []
    private var firstWaiterAt: ContinuousClock.Instant?
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
        for write in writes {
            if case .command = write {
                pendingCommands.append(write)
            } else {
                pending.append(write)
                pendingRowCount += write.rowCount
            }
        }
    }

    /// Calls `waiter` once every write queued so far is committed, with whether it was (command
    /// records excepted: they follow in bounded transactions of their own). A batch someone waits
    /// for is committed as soon as the queue gets to it, not after `batchMaxDelayMilliseconds`:
    /// what arrives meanwhile joins it (a group commit).
    func addCommitWaiter(_ waiter: @escaping @Sendable (_ committed: Bool) -> Void) {
        queue.assertIsCurrent()
        guard !isClosed else { return waiter(false) }
        guard !pending.isEmpty else { return waiter(true) }
        if commitWaiters.isEmpty { firstWaiterAt = ContinuousClock.now }
        commitWaiters.append(waiter)
        guard !isCommitScheduled else { return }
        isCommitScheduled = true
        let queuedAt = ContinuousClock.now
        queue.async { [self] in
            let startedAt = ContinuousClock.now
            isCommitScheduled = false
            writePending(commandLimit: 0)
            StoreQueueTrace.report("waited-for commit", queuedAt: queuedAt, startedAt: startedAt)
        }
    }

    /// Commits the queued charger data and the first `commandLimit` queued command records in one
    /// transaction (by default every queued write: what reads, `flush` and `close` need). Command
    /// records left over are committed by blocks of their own. A row that fails (a constraint) is
    /// logged and skipped; the others are kept.
    func writePending(commandLimit: Int = .max) {
        queue.assertIsCurrent()
        defer { scheduleCommandCommit() }
        let commandCount = min(commandLimit, pendingCommands.count)
        guard !pending.isEmpty || commandCount > 0, !isClosed else { return }
        let writes = pending + pendingCommands.prefix(commandCount)
        pendingCommands.removeFirst(commandCount)
        let rows = pendingRowCount + commandCount
        let waiters = commitWaiters
        pending = []
        pendingRowCount = 0
        commitWaiters = []
        var committed = true
        let traceStart = ContinuousClock.now
        let firstWaiter = firstWaiterAt
        firstWaiterAt = nil
        defer {
            StoreQueueTrace.reportBatch(
                writes, rows: rows, startedAt: traceStart, waiters: waiters.count, firstWaiterAt: firstWaiter)
        }
        do {
            try connection.transaction {
                for write in writes { apply(write) }
            }
            rowsWritten.add(rows, ordering: .relaxed)
            options.onBatchCommit?(rows)
            requestCheckpoint()
        } catch {
            committed = false
            failedWriteCount += rows
            logger.error("could not commit \(rows) queued rows: \(error)")
        }
        for waiter in waiters { waiter(committed) }
    }

    /// Commits the command records left over, a bounded transaction per block, so that what else
    /// waits for the queue (an answer's commit) runs between them.
    private func scheduleCommandCommit() {
        guard !pendingCommands.isEmpty, !isCommandCommitScheduled, !isClosed else { return }
        isCommandCommitScheduled = true
        queue.async { [self] in
            isCommandCommitScheduled = false
            takeQueuedWrites()
            writePending(commandLimit: Self.commandsPerTransaction)
        }
    }

    /// Called after durable writes, which do not go through `writePending`.
    func didWrite() {
        rowsWritten.add(1, ordering: .relaxed)
        requestCheckpoint()
    }

    private func requestCheckpoint() {
        checkpointer?.requestIfDue { [self] walFrames in
            // Enqueued from the checkpoint's queue once the background copy is done.
            let rowsWhenEnqueued = rowsWritten.load(ordering: .relaxed)
            queue.async { [self] in finishCheckpoint(rowsWrittenBefore: rowsWhenEnqueued, walFrames: walFrames) }
        }
    }

    /// The most rows written between the background checkpoint's end and its finish on the store's
    /// queue for the finish to run: each row of a per-charger index lands on a page of its own on a
    /// grown database, and the finish copies (and syncs) every page written meanwhile. Behind a
    /// share divided again (2,000 decisions, 1,800 command rows) it copied thousands of pages and
    /// held the queue for up to 400 ms (BENCHMARKS.md, "Soak"); skipped, the next request, half a
    /// second later, tries again.
    static let checkpointFinishMaxRows = 500

    /// The WAL size (frames of 4 KiB: 32 MiB) past which the finish runs however many rows were
    /// written meanwhile. Skipping it for good let the WAL grow to 150+ MB between restarts in a
    /// short soak (BENCHMARKS.md, "Soak"), and a WAL past `journal_size_limit` is truncated by the
    /// first commit after it starts over, on the store's queue: one long finish now bounds both the
    /// file and that truncation.
    static let checkpointFinishForcedAtFrames = 8_192

    /// Copies the last few WAL frames between our own transactions, so that the next one starts
    /// the WAL over (SQLite restarts it only when a write begins on a fully copied WAL), unless more
    /// than `checkpointFinishMaxRows` rows were written since `rowsWrittenBefore` and the WAL
    /// (`walFrames`) is under `checkpointFinishForcedAtFrames`. Returns whether it ran.
    @discardableResult
    func finishCheckpoint(rowsWrittenBefore: Int, walFrames: Int = 0) -> Bool {
        queue.assertIsCurrent()
        guard !isClosed else { return false }
        let manyRows = rowsWritten.load(ordering: .relaxed) - rowsWrittenBefore > Self.checkpointFinishMaxRows
        guard !manyRows || walFrames >= Self.checkpointFinishForcedAtFrames else { return false }
        let startedAt = ContinuousClock.now
        defer { StoreQueueTrace.report("checkpoint finish", queuedAt: startedAt, startedAt: startedAt) }
        do {
            try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        } catch {
            logger.warning("WAL checkpoint failed: \(error)")
        }
        return true
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
        case .inputs(let values, let at):
            attempt("inputs \(values.keys.sorted().joined(separator: ", "))") { try writeInputs(values, at: at) }
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
