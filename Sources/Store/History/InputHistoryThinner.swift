import Dispatch
import Foundation

/// Thins `input_history` on the store's queue (`StoreDatabase.thinInputHistoryChunk`): a minute
/// after the store opens, then every ten minutes, one chunk per block, so that what waits for the
/// queue (a charger's answer waiting for its commit) comes between two chunks of a backlog. Stops
/// once the database is closed (docs/database.md, `input_history`).
final class InputHistoryThinner: Sendable {
    static let interval = DispatchTimeInterval.seconds(600)
    private let database: StoreDatabase
    /// How far back the history keeps every row.
    private let fullResolution: TimeInterval
    private let onThinned: (@Sendable (_ removed: Int) -> Void)?

    init(database: StoreDatabase, fullResolutionHours: Int, onThinned: (@Sendable (_ removed: Int) -> Void)?) {
        self.database = database
        fullResolution = TimeInterval(fullResolutionHours) * 3600
        self.onThinned = onThinned
    }

    func start(after delay: DispatchTimeInterval) {
        database.queue.asyncAfter(deadline: .now() + delay) { [self] in thin(removedSoFar: 0) }
    }

    private func thin(removedSoFar: Int) {
        guard !database.isClosed else { return }
        // The writes queued before it are committed first, so that it thins them too.
        database.takeQueuedWrites()
        database.writePending()
        var removed = removedSoFar
        do {
            let chunk = try database.thinInputHistoryChunk(before: Date().addingTimeInterval(-fullResolution))
            removed += chunk.removed
            if chunk.removed != 0 { database.didWrite() }
            if chunk.isMoreLeft {
                database.queue.async { [self, removed] in thin(removedSoFar: removed) }
                return
            }
        } catch {
            database.logger.warning("cannot thin the input history: \(error)")
        }
        onThinned?(removed)
        database.queue.asyncAfter(deadline: .now() + Self.interval) { [self] in thin(removedSoFar: 0) }
    }
}
