import Transport

/// Forwards one connection attempt's events to its session, tagged with the attempt so that a
/// late event of an abandoned connection changes nothing.
final class ModbusConnectionHandler: ClientConnectionHandler {
    private let session: ModbusSession
    private let attempt: Int

    init(session: ModbusSession, attempt: Int) {
        self.session = session
        self.attempt = attempt
    }

    func connectionDidOpen(_ connection: Connection) {
        session.connectionDidOpen(connection, attempt: attempt)
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        session.connectionDidReceive(bytes, attempt: attempt)
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        session.connectionDidEnd(
            attempt: attempt, error: error ?? .socket(operation: "read", reason: "connection closed by the device"))
    }

    func connectionDidFail(_ error: TransportError) {
        session.connectionDidEnd(attempt: attempt, error: error)
    }
}
