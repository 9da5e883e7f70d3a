import Synchronization
import Transport

/// The connections a test server accepted, each bound to its loop.
final class AcceptedConnections: Sendable {
    private let connections = Mutex<[LoopBound<Connection>]>([])

    /// Call on the connection's loop.
    func append(_ connection: Connection) {
        connections.withLock { $0.append(LoopBound(connection, loop: connection.loop)) }
    }

    var first: LoopBound<Connection>? { connections.withLock { $0.first } }
}
