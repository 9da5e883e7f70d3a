import CLinux
import Dispatch
import Glibc

/// One outgoing connection being made, on its loop: the name resolved on a dispatch queue (the
/// resolver blocks) unless an `AddressCache` holds its addresses, then a non-blocking connect to
/// each address in turn until one answers, all within one timeout. Once connected, the socket
/// becomes a `Connection` with the same machinery as an accepted one (TLS, write queue,
/// back-pressure, close). Loop-confined.
final class ConnectAttempt: EpollRegistrant {
    private let loop: EventLoop
    private let host: String
    private let port: Int
    private let tls: ClientTLSContext?
    private let serverName: String
    private let options: ServerOptions
    private let handler: ClientConnectionHandler
    private let addressCache: AddressCache?
    private var addresses: [ResolvedAddress] = []
    private var nextAddress = 0
    private var fd: Int32 = -1
    private var timer: TimerHandle?
    private var isFinished = false
    /// Why the last address failed, reported if none is left.
    private var lastFailure: String?

    init(
        loop: EventLoop, host: String, port: Int, tls: ClientTLSContext?, serverName: String,
        options: ServerOptions, addressCache: AddressCache?, handler: ClientConnectionHandler
    ) {
        self.loop = loop
        self.host = host
        self.port = port
        self.tls = tls
        self.serverName = serverName
        self.options = options
        self.handler = handler
        self.addressCache = addressCache
    }

    /// Starts the timeout and the resolution. Loop thread; the attempt keeps itself alive (the
    /// timer and the resolution hold it) until it has ended.
    func start(timeout: Double) {
        loop.assertInEventLoop()
        timer = loop.scheduleTimer(after: timeout) { [self] in
            timer = nil
            fail(.connectTimeout(host: host, port: port))
        }
        if let cached = addressCache?.addresses(host: host, port: port) {
            resolved(.success(cached))
            return
        }
        let bound = LoopBound(self, loop: loop)
        let name = host
        let portNumber = port
        let cache = addressCache
        ConnectAttempt.resolver.async {
            let result = Result { () throws(TransportError) in
                if let cache { return try cache.resolve(host: name, port: portNumber) }
                return try ResolvedAddress.resolve(host: name, port: portNumber)
            }
            bound.loop.execute { bound.value.resolved(result) }
        }
    }

    /// Where names are resolved: getaddrinfo blocks for as long as the DNS takes.
    private static let resolver = DispatchQueue(label: "ampwise.resolver", attributes: .concurrent)

    private func resolved(_ result: Result<[ResolvedAddress], TransportError>) {
        guard !isFinished else { return }
        switch result {
        case .success(let addresses):
            self.addresses = addresses
            connectToNextAddress()
        case .failure(let error):
            fail(error)
        }
    }

    private func connectToNextAddress() {
        while nextAddress < addresses.count {
            let address = addresses[nextAddress]
            nextAddress += 1
            var code: Int32 = 0
            let socket = address.withStorage { ampwise_tcp_connect($0, address.length, &code) }
            guard socket >= 0 else {
                lastFailure = TransportError.reason(errno: code)
                continue
            }
            fd = socket
            if code == 0 {
                connected(to: address)
                return
            }
            guard loop.register(socket, events: AMPWISE_EPOLLOUT, registrant: self) else {
                lastFailure = TransportError.reason(errno: errno)
                Glibc.close(socket)
                fd = -1
                continue
            }
            return
        }
        fail(.cannotConnect(host: host, port: port, reason: lastFailure ?? "no address"))
    }

    /// The socket became writable (or failed): the connect has ended one way or the other.
    func handleEvents(_ events: UInt32) {
        guard !isFinished, fd >= 0 else { return }
        let code = ampwise_socket_error(fd)
        loop.deregister(fd)
        if code == 0 && events & (AMPWISE_EPOLLERR | AMPWISE_EPOLLHUP) == 0 {
            connected(to: addresses[nextAddress - 1])
            return
        }
        lastFailure = TransportError.reason(errno: code == 0 ? ECONNREFUSED : code)
        Glibc.close(fd)
        fd = -1
        connectToNextAddress()
    }

    private func connected(to address: ResolvedAddress) {
        var session: TLSSession?
        if let tls {
            guard let created = TLSSession(context: tls, serverName: serverName) else {
                fail(.cannotConnect(host: host, port: port, reason: "cannot create a TLS session for \(serverName)"))
                return
            }
            session = created
        }
        isFinished = true
        if let timer {
            loop.cancel(timer)
            self.timer = nil
        }
        let connection = Connection(fd: fd, loop: loop, remoteAddress: address.text, options: options, tls: session)
        fd = -1
        connection.start(
            handler: handler, tlsHandshakeTimeout: options.tlsHandshakeTimeout, initiatesTLSHandshake: true)
    }

    func closeForLoopShutdown() {
        fail(.loopShutdown)
    }

    private func fail(_ error: TransportError) {
        guard !isFinished else { return }
        isFinished = true
        switch error {
        case .loopShutdown: break
        default:
            // The addresses did not take a connection: the device may have moved.
            addressCache?.forget(host: host, port: port)
        }
        if let timer {
            loop.cancel(timer)
            self.timer = nil
        }
        if fd >= 0 {
            loop.deregister(fd)
            Glibc.close(fd)
            fd = -1
        }
        handler.connectionDidFail(error)
    }
}
