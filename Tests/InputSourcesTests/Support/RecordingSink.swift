import InputSources
import Synchronization

/// Keeps every delivery; refuses values above `refusedAbove`.
final class RecordingSink: InputSink {
    private let deliveries = Mutex<[[String: Double]]>([])
    let refusedAbove: Double

    init(refusedAbove: Double = .infinity) {
        self.refusedAbove = refusedAbove
    }

    var all: [[String: Double]] { deliveries.withLock { $0 } }

    func setInputs(_ values: [String: Double]) async throws(SourceError) {
        if values.values.contains(where: { $0 > refusedAbove }) { throw SourceError("out of range") }
        deliveries.withLock { $0.append(values) }
    }
}
