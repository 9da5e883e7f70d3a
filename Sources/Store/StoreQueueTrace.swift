import Foundation
import Logging

/// A diagnostic for slow answers (docs/database.md): `AMPWISE_STORE_TRACE_MS=N` in the environment
/// logs every block on the store's queue that ran longer than N ms, with what it was and how long
/// it waited for the queue, and every batch commit that took or was waited for longer than N ms.
/// How the soak's stalls were found (BENCHMARKS.md, "Soak"). Unset, it costs a few clock reads
/// per block.
enum StoreQueueTrace {
    static let thresholdMs: Double? = ProcessInfo.processInfo.environment["AMPWISE_STORE_TRACE_MS"]
        .flatMap(Double.init)
    static let logger = Logger(label: "store-trace")

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// Logs a block that ran longer than the threshold: `what` (a function name), how long it ran
    /// and how long it waited for the queue.
    static func report(_ what: String, queuedAt: ContinuousClock.Instant, startedAt: ContinuousClock.Instant) {
        guard let thresholdMs else { return }
        let ran = milliseconds(ContinuousClock.now - startedAt)
        let waited = milliseconds(startedAt - queuedAt)
        guard ran > thresholdMs else { return }
        logger.info(
            "block \(what) ran \(String(format: "%.1f", ran)) ms after waiting \(String(format: "%.1f", waited)) ms")
    }

    /// Logs a batch commit that ran, or whose first waiter waited, longer than the threshold,
    /// with its writes by kind.
    static func reportBatch(
        _ writes: [PendingWrite], rows: Int, startedAt: ContinuousClock.Instant, waiters: Int,
        firstWaiterAt: ContinuousClock.Instant?
    ) {
        guard let thresholdMs else { return }
        let now = ContinuousClock.now
        let ran = milliseconds(now - startedAt)
        let waited = firstWaiterAt.map { milliseconds(now - $0) } ?? 0
        guard ran > thresholdMs || waited > thresholdMs else { return }
        var kinds: [String: Int] = [:]
        for write in writes { kinds[write.kind, default: 0] += 1 }
        let counts = kinds.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let figures = "committed in \(String(format: "%.1f", ran)) ms; \(waiters) waiters, first waited "
        logger.info("batch of \(rows) rows \(counts) \(figures)\(String(format: "%.1f", waited)) ms")
    }
}
