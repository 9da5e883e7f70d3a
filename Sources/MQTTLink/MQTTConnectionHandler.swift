import Transport

/// One connection attempt's events, passed to its `MQTTClient` on the loop. A handler the client
/// has moved on from (stopped, or a newer attempt) is ignored by identity.
final class MQTTConnectionHandler: ClientConnectionHandler {
    private weak var client: MQTTClient?
    /// The client stopped while this attempt was connecting: close at once if it opens.
    var isAbandoned = false
    /// Why the client ended the connection itself (for the log), if it did.
    var failure: String?

    init(client: MQTTClient) {
        self.client = client
    }

    func connectionDidOpen(_ connection: Connection) {
        guard !isAbandoned, let client else {
            connection.close()
            return
        }
        client.connectionDidOpen(connection, handler: self)
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        client?.connection(connection, didReceive: bytes, handler: self)
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        client?.connectionDidEnd(error: failure ?? error?.description, handler: self)
    }

    func connectionDidFail(_ error: TransportError) {
        client?.connectionDidEnd(error: error.description, handler: self)
    }
}
