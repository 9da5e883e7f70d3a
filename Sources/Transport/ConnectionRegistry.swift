/// The connections one server has on one loop, so `TCPServer.stop()` can close them. Loop-
/// confined. Swap-remove by stored index keeps add and remove O(1) without hashing.
final class ConnectionRegistry {
    private(set) var connections: [Connection] = []
    /// Set by `stop()`: connections handed to this loop afterwards are refused.
    var isStopping = false
    /// Called once when the last connection is gone while stopping.
    var whenEmpty: (() -> Void)?

    func add(_ connection: Connection) {
        connection.registry = self
        connection.registryIndex = connections.count
        connections.append(connection)
    }

    func remove(_ connection: Connection) {
        let index = connection.registryIndex
        guard index >= 0, index < connections.count, connections[index] === connection else { return }
        let last = connections.count - 1
        if index != last {
            connections[index] = connections[last]
            connections[index].registryIndex = index
        }
        connections.removeLast()
        connection.registryIndex = -1
        if connections.isEmpty, let whenEmpty {
            self.whenEmpty = nil
            whenEmpty()
        }
    }
}
