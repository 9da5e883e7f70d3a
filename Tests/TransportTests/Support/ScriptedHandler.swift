import Transport

/// A handler whose behaviour each test writes as closures; by default it echoes and records
/// "open", "close <error>" in its probe.
final class ScriptedHandler: ConnectionHandler {
    let probe: ServerProbe
    var onOpen: (Connection) -> Void
    var onReceive: (Connection, [UInt8]) -> Void

    init(
        probe: ServerProbe, onOpen: @escaping (Connection) -> Void = { _ in },
        onReceive: @escaping (Connection, [UInt8]) -> Void = { connection, bytes in connection.write(bytes) }
    ) {
        self.probe = probe
        self.onOpen = onOpen
        self.onReceive = onReceive
    }

    func connectionDidOpen(_ connection: Connection) {
        probe.record("open")
        onOpen(connection)
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        onReceive(connection, [UInt8](bytes))
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        probe.record("close \(error.map { "\($0)" } ?? "nil")")
    }
}
