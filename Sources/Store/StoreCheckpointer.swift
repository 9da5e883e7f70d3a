import Dispatch
import Foundation
import Logging
import SQLite

/// Copies the WAL back into the database file from a second connection on its own queue.
///
/// A checkpoint copies megabytes and fsyncs the database file, which can take tens of
/// milliseconds. Left to SQLite's automatic checkpoint it would run on the writing connection,
/// inside whichever commit crossed the threshold, and a StartTransaction would wait for the
/// disk. A PASSIVE checkpoint from another connection runs beside the writer instead (WAL
/// allows it). It cannot start the WAL over, though: SQLite does that only when a write begins
/// on a fully copied WAL, and the writer keeps appending. So `finish` lets the store copy the
/// few frames written meanwhile on its own queue (a millisecond or a few, measured), after which
/// its next transaction starts the WAL from the beginning and the file stays small.
///
/// `@unchecked Sendable`: `connection` is used only by blocks on `queue` (serial), and
/// `lastRequest` only on the store's queue, where `requestIfDue` is called (checked in debug
/// builds).
final class StoreCheckpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ampwise.store.checkpoint")
    private let storeQueue: DispatchQueue
    private let connection: SQLiteConnection
    private let logger = Logger(label: "store")
    private var lastRequest = ContinuousClock.now
    private static let interval = Duration.milliseconds(500)
    private static let maximumRounds = 8
    /// The WAL size (in frames, pages of 4 KiB) from which the store's queue finishes a checkpoint
    /// the background did not complete: 16 MiB. The finish syncs the database file on the store's
    /// queue, ahead of the commits answers wait for: 60-400 ms each on a disk shared with other
    /// work, measured in the soak, where finishing every half second held the answers back every
    /// half second (BENCHMARKS.md, "Soak"). A quarter of `journal_size_limit` (64 MiB), so that the
    /// WAL starts over before it must be cut back: the first commit after a WAL past the limit
    /// starts over truncates the file, on the store's queue (130-565 ms for 150 MB, measured). A WAL
    /// copied up to its end needs no finish at all (the writer's next transaction starts it over).
    static let finishAtFrames = 4_096

    /// Whether the store's queue should finish a checkpoint that left the WAL at `log` frames, of
    /// which `copied` are in the database file.
    static func needsFinish(log: Int, copied: Int) -> Bool {
        log > copied && log >= finishAtFrames
    }

    init(path: String, busyTimeoutMilliseconds: Int, storeQueue: DispatchQueue) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        self.storeQueue = storeQueue
    }

    /// Called on the store's queue after writes: starts a checkpoint at most twice a second.
    /// `finish` is called on the checkpoint queue afterwards when `needsFinish`, with the WAL's
    /// size in frames.
    func requestIfDue(finish: @escaping @Sendable (_ walFrames: Int) -> Void) {
        storeQueue.assertIsCurrent()
        let now = ContinuousClock.now
        guard now - lastRequest >= Self.interval else { return }
        lastRequest = now
        queue.async { [self] in
            let startedAt = ContinuousClock.now
            defer { StoreQueueTrace.report("background checkpoint", queuedAt: startedAt, startedAt: startedAt) }
            var left: (log: Int, copied: Int)?
            do {
                // The writer keeps appending meanwhile, so go round until the WAL is copied up to
                // its end: only then does the writer's next transaction start the WAL over
                // instead of growing it (each round copies what the last one left, so it is short).
                for _ in 0..<Self.maximumRounds {
                    let frames = try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { row in
                        (log: row.int(1), copied: row.int(2))
                    }
                    left = frames
                    guard let frames, frames.log > frames.copied else { break }
                }
            } catch {
                logger.warning("WAL checkpoint failed: \(error)")
            }
            if let left, Self.needsFinish(log: left.log, copied: left.copied) { finish(left.log) }
        }
    }

    /// Waits for a running checkpoint and closes the connection.
    func close() {
        queue.sync { connection.close() }
    }
}
