import Synchronization

/// The requests a `CannedHTTPServer` received, readable from the test's thread.
public final class RecordedRequests: Sendable {
    private let requests = Mutex<[String]>([])

    public func append(_ request: String) { requests.withLock { $0.append(request) } }

    public var all: [String] { requests.withLock { $0 } }
}
