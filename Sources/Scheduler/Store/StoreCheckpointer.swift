import Central
import Dispatch
import Foundation

/// Copies the WAL back into the database file from a second connection on its own queue.
///
/// A checkpoint fsyncs the database file, which can take tens of milliseconds. Left to SQLite's
/// automatic checkpoint it would run on the writing connection, inside whichever commit crossed
/// the threshold, and a StartTransaction would wait for the disk. A PASSIVE checkpoint from
/// another connection runs beside the writer instead (WAL allows it), so commits only append.
///
/// `@unchecked Sendable`: `connection` is used only by blocks on `queue` (serial), and
/// `lastRequest` only on the store's queue, where `requestIfDue` is called.
final class StoreCheckpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ampwise.store.checkpoint")
    private let connection: SQLiteConnection
    private let logger = Logger(label: "store")
    private var lastRequest = ContinuousClock.now
    private static let interval = Duration.milliseconds(500)
    private static let maximumRounds = 8

    init(path: String, busyTimeoutMilliseconds: Int) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Called on the store's queue after writes: starts a checkpoint at most twice a second.
    func requestIfDue() {
        let now = ContinuousClock.now
        guard now - lastRequest >= Self.interval else { return }
        lastRequest = now
        queue.async { [self] in
            do {
                // The writer keeps appending meanwhile, so go round until the WAL is copied up to
                // its end: only then does the writer's next transaction start the WAL over
                // instead of growing it (each round copies what the last one left, so it is short).
                for _ in 0..<Self.maximumRounds {
                    let frames = try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { row in
                        (log: row.int(1), copied: row.int(2))
                    }
                    guard let frames, frames.log > frames.copied else { break }
                }
            } catch {
                logger.warning("WAL checkpoint failed: \(error)")
            }
        }
    }

    /// Waits for a running checkpoint and closes the connection.
    func close() {
        queue.sync { connection.close() }
    }
}
