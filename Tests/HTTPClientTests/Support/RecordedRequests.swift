import Synchronization

/// The requests a `CannedHTTPServer` received, readable from the test's thread.
final class RecordedRequests: Sendable {
    private let requests = Mutex<[String]>([])

    func append(_ request: String) { requests.withLock { $0.append(request) } }

    var all: [String] { requests.withLock { $0 } }
}
