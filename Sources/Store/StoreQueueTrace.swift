import Foundation
import Logging

/// TEMPORARY diagnostic (soak stalls): `AMPWISE_STORE_TRACE_MS=N` logs every block on the store's
/// queue that ran longer than N ms, and every batch commit whose waiters waited longer.
enum StoreQueueTrace {
    static let thresholdMs: Double? = ProcessInfo.processInfo.environment["AMPWISE_STORE_TRACE_MS"].flatMap(Double.init)
    static let logger = Logger(label: "store-trace")

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func report(_ what: String, queuedAt: ContinuousClock.Instant, startedAt: ContinuousClock.Instant) {
        guard let thresholdMs else { return }
        let ran = milliseconds(ContinuousClock.now - startedAt)
        let waited = milliseconds(startedAt - queuedAt)
        guard ran > thresholdMs else { return }
        logger.info(
            "block \(what) ran \(String(format: "%.1f", ran)) ms after waiting \(String(format: "%.1f", waited)) ms")
    }
}
