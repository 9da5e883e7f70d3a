import Transport

/// An outgoing connection's handler that writes `greeting` once open and records in its probe
/// "open", "received <text>", "close <error>" and "fail <error>".
final class ClientProbeHandler: ClientConnectionHandler {
    let probe: ServerProbe
    let greeting: [UInt8]

    init(probe: ServerProbe, greeting: String = "") {
        self.probe = probe
        self.greeting = Array(greeting.utf8)
    }

    func connectionDidOpen(_ connection: Connection) {
        probe.record("open")
        connection.write(greeting)
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        probe.record("received \(String(decoding: bytes, as: UTF8.self))")
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        probe.record("close \(error.map { "\($0)" } ?? "nil")")
    }

    func connectionDidFail(_ error: TransportError) {
        probe.record("fail \(error)")
    }
}
