import Transport

/// Forwards one connection attempt's events to its session, tagged with the attempt so that a
/// late event of an abandoned connection changes nothing.
final class HTTPPersistentConnectionHandler: ClientConnectionHandler {
    private let session: HTTPPersistentSession
    private let attempt: Int

    init(session: HTTPPersistentSession, attempt: Int) {
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
        session.connectionDidEnd(attempt: attempt, error: error)
    }

    func connectionDidFail(_ error: TransportError) {
        session.connectionDidEnd(attempt: attempt, error: error)
    }
}
