/// Forwards one connection attempt's events to its session, tagged with the attempt so that a
/// late event of an abandoned connection changes nothing (the HTTP keep-alive connection and the
/// Modbus client share it).
public final class AttemptConnectionHandler<Session: AttemptedConnectionSession>: ClientConnectionHandler {
    private let session: Session
    private let attempt: Int

    public init(session: Session, attempt: Int) {
        self.session = session
        self.attempt = attempt
    }

    public func connectionDidOpen(_ connection: Connection) {
        session.connectionDidOpen(connection, attempt: attempt)
    }

    public func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        session.connectionDidReceive(bytes, attempt: attempt)
    }

    public func connectionDidClose(_ connection: Connection, error: TransportError?) {
        session.connectionDidEnd(attempt: attempt, error: error)
    }

    public func connectionDidFail(_ error: TransportError) {
        session.connectionDidEnd(attempt: attempt, error: error)
    }
}
