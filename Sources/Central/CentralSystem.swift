import Dispatch
import Foundation
import JSON
import Logging
import OCPP
import Synchronization
import Transport

/// The OCPP central system (1.6J and 2.0.1): listens for chargers, keeps a session per connected charger,
/// answers their calls through an `IncomingCallHandler`, and lets the scheduler and the API
/// call them.
public final class CentralSystem: ChargePointCalling {
    public let configuration: CentralConfiguration
    /// Messages in and out, counted by the sessions.
    public let metrics = CentralMetrics()

    private let group: EventLoopGroup
    private let ownsGroup: Bool
    private let publisher = CentralEventPublisher()
    private let server = Mutex<TCPServer?>(nil)
    /// The `wss://` listener beside the plain one, when `tlsPort` is set.
    private let tlsServer = Mutex<TCPServer?>(nil)
    private let logger = Logger(label: "central")
    /// What the connections share; the registry is the one record of each charger's session.
    private let services: ChargerConnectionServices
    private var registry: SessionRegistry { services.registry }

    public init(
        configuration: CentralConfiguration, handler: any IncomingCallHandler, group: EventLoopGroup? = nil
    ) {
        self.configuration = configuration
        self.group = group ?? EventLoopGroup(loopCount: configuration.loopCount)
        self.ownsGroup = group == nil
        services = ChargerConnectionServices(
            configuration: configuration,
            registry: SessionRegistry(
                configuration: configuration, handler: handler, publisher: publisher, metrics: metrics),
            authentication: AuthenticationGuard(settings: configuration.authenticationThrottle, metrics: metrics),
            chargerIdWarnings: ChargerIdWarnings(), securityProfileRefusals: SecurityProfileRefusalLog(),
            bufferBudget: MessageBufferBudget(limit: configuration.maxBufferedBytes))
    }

    /// Starts listening: on `port` (`wss://` when `tls` is set without `tlsPort`), and with
    /// `tlsPort` on that port too (`wss://`). Returns the bound `port` (useful with port 0);
    /// `tlsLocalPort` tells the other.
    @discardableResult
    public func start() throws -> Int {
        let tlsOnMainPort = configuration.tlsPort == nil ? configuration.tls : nil
        let tcpServer = try listen(on: configuration.port, tls: tlsOnMainPort)
        server.withLock { $0 = tcpServer }
        var addresses =
            "\(tlsOnMainPort == nil ? "ws" : "wss")://\(configuration.host):\(tcpServer.localPort)/<chargerId>"
        if let tls = configuration.tls, let tlsPort = configuration.tlsPort {
            let secureServer: TCPServer
            do {
                secureServer = try listen(on: tlsPort, tls: tls)
            } catch {
                server.withLock { $0 = nil }
                tcpServer.stop()
                throw error
            }
            tlsServer.withLock { $0 = secureServer }
            addresses += " and wss://\(configuration.host):\(secureServer.localPort)/<chargerId>"
        }
        logger.info("central system listening on \(addresses)")
        return tcpServer.localPort
    }

    /// The bound `wss://` port beside the plain one (`tlsPort`), once started.
    public var tlsLocalPort: Int? { tlsServer.withLock { $0?.localPort } }

    private func listen(on port: Int, tls: TLSContext?) throws -> TCPServer {
        try TCPServer(host: configuration.host, port: port, group: group, tls: tls) { [services] connection in
            ChargerConnectionHandler(connection: connection, services: services)
        }
    }

    /// Shuts down gracefully (`ampwise serve` on SIGINT/SIGTERM): every charger connection gets a
    /// WebSocket close frame 1001 ("going away") and the close handshake's time (`closeTimeout`) to
    /// answer it, then `stop()` closes the listener and whatever is still open. Waits without
    /// holding a thread.
    public func shutDown() async {
        let (open, done) = registry.beginClosing()
        for session in open {
            session.loop.runOnLoop { session.close(reason: "server shutting down") }
        }
        // Each connection aborts itself after closeTimeout; the margin covers the hop onto its loop.
        let margin = configuration.closeTimeout + 1
        let inTime = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let answer = FirstAnswer(continuation)
            done.notify(queue: .global()) { answer.give(true) }
            DispatchQueue.global().asyncAfter(deadline: .now() + margin) { answer.give(false) }
        }
        if !inTime { logger.warning("shutting down: some chargers did not finish the close handshake in time") }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.stop()
                continuation.resume()
            }
        }
    }

    /// Closes the listener and every connection at once, without close frames (tests, and what
    /// `shutDown()` does last). Blocks until done: call it from outside the event loops.
    public func stop() {
        let tcpServer = server.withLock { server in
            defer { server = nil }
            return server
        }
        tcpServer?.stop()
        let secureServer = tlsServer.withLock { server in
            defer { server = nil }
            return server
        }
        secureServer?.stop()
        if ownsGroup { group.shutdown() }
        publisher.finish()
        services.authentication.drain()
    }

    /// A new stream of what happens from now on: connections, disconnections and every
    /// incoming call (after its handler saw it). Each call makes an independent subscriber;
    /// events are only built while someone listens.
    public func events() -> AsyncStream<CentralEvent> {
        publisher.subscribe()
    }

    // MARK: Sessions

    /// The ids of the chargers connected now.
    public var connectedChargerIds: [String] { registry.connectedChargerIds }

    public func isConnected(_ chargerId: String) -> Bool {
        registry.session(chargerId) != nil
    }

    public func latencyMilliseconds(of chargerId: String) -> Double? {
        session(chargerId)?.latencyMilliseconds
    }

    public func speaksOCPP201(_ chargerId: String) -> Bool {
        session(chargerId)?.speaksOCPP201 ?? false
    }

    /// The session of a connected charger; its `info` can be read from any thread.
    public func session(_ chargerId: String) -> ChargePointSession? {
        registry.session(chargerId)
    }

    // MARK: Calls to chargers

    /// Sends `request` to the charger and decodes its confirmation as the charger's `strict`
    /// setting says.
    public func call<Request: OCPPRequest>(_ request: Request, to chargerId: String) async throws(CallError)
        -> Request.Confirmation
    {
        let mode = (configuration.access(chargerId) ?? ChargerAccess()).validationMode
        return try await call(request, to: chargerId, mode: mode)
    }

    /// Sends a CALL with a raw payload and returns the charger's raw CALLRESULT payload.
    public func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        guard let session = registry.session(chargerId) else { throw .notConnected }
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<JSONObject, CallError>, Never>) in
            session.loop.runOnLoop {
                session.enqueueCall(action: action, payload: payload) { continuation.resume(returning: $0) }
            }
        }
        return try result.get()
    }
}
