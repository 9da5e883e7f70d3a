import CLinux
import Dispatch
import Glibc
import Logging
import Synchronization

/// A TCP (optionally TLS) server on an `EventLoopGroup`: one listening socket, accepted
/// connections spread round robin over the group's loops, each given a handler made by
/// `handlerFactory` on the connection's loop.
///
/// ```swift
/// let server = try TCPServer(host: "0.0.0.0", port: 9000, group: group, tls: context) { connection in
///     UpgradeHandler(connection: connection)
/// }
/// ...
/// server.stop()
/// ```
public final class TCPServer: Sendable {
    public let host: String
    /// The port actually bound (the assigned one when asked for port 0).
    public let localPort: Int
    public let group: EventLoopGroup
    public let options: ServerOptions

    private let tls: TLSContext?
    private let handlerFactory: @Sendable (Connection) -> ConnectionHandler
    private let listener: LoopBound<ListeningSocket>
    private let registries: [LoopBound<ConnectionRegistry>]
    private let isStopped = Atomic<Bool>(false)
    private let logger = Logger(label: "transport")

    /// Binds and starts accepting. `host` is an IPv4 or IPv6 address or a name ("0.0.0.0",
    /// "::", "localhost"); `port` 0 picks a free port (see `localPort`). With `tls`, every
    /// connection completes a TLS handshake before its handler's `connectionDidOpen`.
    ///
    /// `handlerFactory` runs on the connection's loop, once per accepted connection.
    /// Throws `TransportError.cannotListen` ("cannot listen on 0.0.0.0:9000: address already in
    /// use").
    public init(
        host: String, port: Int, group: EventLoopGroup, tls: TLSContext? = nil,
        options: ServerOptions = ServerOptions(),
        handlerFactory: @escaping @Sendable (Connection) -> ConnectionHandler
    ) throws(TransportError) {
        ampwise_ignore_sigpipe()
        var code: Int32 = 0
        var step: Int32 = 0
        let fd = ampwise_tcp_listen(host, Int32(clamping: port), options.backlog, &code, &step)
        guard fd >= 0 else {
            let reason =
                code < 0 ? String(cString: gai_strerror(-code)).lowercased() : TransportError.reason(errno: code)
            throw .cannotListen(host: host, port: port, reason: reason)
        }
        self.host = host
        self.localPort = Int(ampwise_local_port(fd))
        self.group = group
        self.options = options
        self.tls = tls
        self.handlerFactory = handlerFactory
        registries = group.loops.map { LoopBound(ConnectionRegistry(), loop: $0) }

        let acceptLoop = group.next()
        let socket = ListeningSocket(fd: fd, loop: acceptLoop)
        listener = LoopBound(socket, loop: acceptLoop)
        // A cycle (server -> listener -> closure -> server) that `stop()` breaks by closing the
        // listener: a listening server must stay alive anyway.
        socket.accepted = { [self] fd, remoteAddress in
            dispatch(fd, remoteAddress: remoteAddress, from: acceptLoop)
        }
        let listener = self.listener
        let logger = self.logger
        acceptLoop.execute {
            if !listener.value.start() {
                logger.error("cannot watch the listening socket: \(TransportError.reason(errno: errno))")
            }
        }
        logger.debug("listening on \(host):\(localPort)\(tls == nil ? "" : " (TLS)")")
    }

    private func dispatch(_ fd: Int32, remoteAddress: String, from acceptLoop: EventLoop) {
        let target = group.next()
        if target === acceptLoop {
            open(fd, remoteAddress: remoteAddress, on: target)
        } else {
            target.execute { [self] in
                open(fd, remoteAddress: remoteAddress, on: target)
            }
        }
    }

    /// Makes the connection and its handler on `loop`.
    private func open(_ fd: Int32, remoteAddress: String, on loop: EventLoop) {
        let registry = registries[loop.index].value
        guard !registry.isStopping else {
            Glibc.close(fd)
            return
        }
        var session: TLSSession?
        if let tls {
            guard let created = TLSSession(context: tls) else {
                logger.error("cannot create a TLS session for \(remoteAddress)")
                Glibc.close(fd)
                return
            }
            session = created
        }
        let connection = Connection(
            fd: fd, loop: loop, remoteAddress: remoteAddress, options: options, tls: session)
        registry.add(connection)
        connection.start(handler: handlerFactory(connection), tlsHandshakeTimeout: options.tlsHandshakeTimeout)
    }

    /// Stops accepting and closes every connection of this server (each flushes first, within
    /// `ServerOptions.closeTimeout`); `completion` runs, on some loop, once all handlers have
    /// had `connectionDidClose`. Any thread; calling it again completes at once.
    public func stop(completion: @escaping @Sendable () -> Void) {
        guard !isStopped.exchange(true, ordering: .acquiringAndReleasing) else {
            completion()
            return
        }
        let listener = self.listener
        listener.loop.execute { listener.value.close() }
        let countdown = StopCountdown(count: registries.count, completion: completion)
        for registry in registries {
            // A stopped loop already aborted its connections.
            let submitted = registry.loop.submit {
                let connections = registry.value
                connections.isStopping = true
                guard !connections.connections.isEmpty else {
                    countdown.signal()
                    return
                }
                connections.whenEmpty = { countdown.signal() }
                for connection in connections.connections {
                    connection.close()
                }
            }
            if !submitted { countdown.signal() }
        }
    }

    /// `stop(completion:)` that waits: from any thread but the group's loops.
    public func stop() {
        precondition(group.currentLoop == nil, "TCPServer.stop() would block a loop; use stop(completion:)")
        let done = DispatchSemaphore(value: 0)
        stop { done.signal() }
        done.wait()
    }
}
