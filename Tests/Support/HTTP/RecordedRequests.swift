import Synchronization

/// The requests a `CannedHTTPServer` received and the connections it accepted, readable from the
/// test's thread.
public final class RecordedRequests: Sendable {
    private let requests = Mutex<[String]>([])
    private let connections = Mutex(0)

    public func append(_ request: String) { requests.withLock { $0.append(request) } }

    public var all: [String] { requests.withLock { $0 } }

    public func connectionOpened() { connections.withLock { $0 += 1 } }

    public var connectionCount: Int { connections.withLock { $0 } }
}
