import Synchronization
import Transport

/// A server on 127.0.0.1 and a free port, on its own two-loop group, whose handlers report to
/// `probe`; `accepted` keeps each accepted connection (for checks on its loop). With a `clock`,
/// the loops' timers count its time.
final class TestServer: Sendable {
    let group: EventLoopGroup
    let server: TCPServer
    let probe = ServerProbe()
    let accepted = AcceptedConnections()

    init(
        tls: TLSContext? = nil, options: ServerOptions = ServerOptions(), loopCount: Int = 2,
        clock: (any LoopClock)? = nil,
        makeHandler: @escaping @Sendable (Connection, ServerProbe) -> ConnectionHandler = { _, probe in
            ScriptedHandler(probe: probe)
        }
    ) throws {
        let group = EventLoopGroup(loopCount: loopCount, clock: clock)
        let probe = self.probe
        let accepted = self.accepted
        do {
            server = try TCPServer(host: "127.0.0.1", port: 0, group: group, tls: tls, options: options) {
                connection in
                accepted.append(connection)
                return makeHandler(connection, probe)
            }
        } catch {
            group.shutdown()
            throw error
        }
        self.group = group
    }

    var port: Int { server.localPort }

    /// Runs `body` on the loop of the first accepted connection and returns its result.
    func onFirstConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) -> T) -> T? {
        guard let bound = accepted.first else { return nil }
        let result = Mutex<T?>(nil)
        let done = ServerProbe()
        bound.loop.execute {
            let value = body(bound.value)
            result.withLock { $0 = value }
            done.record("done")
        }
        guard done.wait(for: "done") else { return nil }
        return result.withLock { $0 }
    }

    func shutdown() {
        server.stop()
        group.shutdown()
    }
}
