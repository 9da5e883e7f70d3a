/// Receives one connection's events, on the connection's loop, and holds that connection's
/// protocol state (HTTP, WebSocket, OCPP session).
///
/// The connection keeps its handler alive until `connectionDidClose` has returned, then lets it
/// go; a handler may keep a strong reference to its connection (the cycle is broken on close).
public protocol ConnectionHandler: AnyObject {
    /// The connection is ready: plaintext, or TLS once the handshake has completed.
    func connectionDidOpen(_ connection: Connection)

    /// Bytes arrived (already decrypted under TLS). `bytes` points into the loop's shared read
    /// buffer: it is valid only during this call, so copy what must outlive it.
    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer)

    /// The connection is closed (by either side, an error, a timeout or shutdown). Called exactly
    /// once per opened or unopened connection, never from inside a call the handler made on
    /// the connection (`write`, `close`, `abort`): it runs from the loop right after.
    func connectionDidClose(_ connection: Connection, error: TransportError?)
}

/// Optional callbacks: a handler that only reacts to data need not implement these.
extension ConnectionHandler {
    public func connectionDidOpen(_ connection: Connection) {}
    public func connectionDidClose(_ connection: Connection, error: TransportError?) {}
}
