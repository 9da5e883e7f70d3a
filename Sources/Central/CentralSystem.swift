import Dispatch
import Foundation
import JSON
import Logging
import OCPP
import Synchronization
import Transport

/// The OCPP 1.6J central system: listens for chargers, keeps a session per connected charger,
/// answers their calls through an `IncomingCallHandler`, and lets the scheduler and the API
/// call them.
public final class CentralSystem: ChargePointCalling {
    public let configuration: CentralConfiguration
    /// Messages in and out, counted by the sessions.
    public let metrics = CentralMetrics()

    private let group: EventLoopGroup
    private let ownsGroup: Bool
    private let handler: any IncomingCallHandler
    private let publisher = CentralEventPublisher()
    private let sessions = Mutex<[String: ChargePointSession]>([:])
    private let server = Mutex<TCPServer?>(nil)
    /// While `shutDown()` waits for the close handshakes: the sessions it waits for, and what it waits on.
    private let closing = Mutex<(sessions: Set<ObjectIdentifier>, done: DispatchGroup)?>(nil)
    private let logger = Logger(label: "central")
    /// Failed logins: delays, the 429 past too many, summary lines (docs/charger-management.md).
    let authentication: AuthenticationGuard
    /// Unusual charger ids already warned about.
    let chargerIdWarnings = ChargerIdWarnings()
    /// What all connections together hold for unfinished messages (`maxBufferedBytes`).
    let bufferBudget: MessageBufferBudget

    public init(
        configuration: CentralConfiguration, handler: any IncomingCallHandler, group: EventLoopGroup? = nil
    ) {
        self.configuration = configuration
        self.handler = handler
        self.group = group ?? EventLoopGroup(loopCount: configuration.loopCount)
        self.ownsGroup = group == nil
        authentication = AuthenticationGuard(settings: configuration.authenticationThrottle, metrics: metrics)
        bufferBudget = MessageBufferBudget(limit: configuration.maxBufferedBytes)
    }

    /// Starts listening. Returns the bound port (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        let tcpServer = try TCPServer(
            host: configuration.host, port: configuration.port, group: group, tls: configuration.tls
        ) { [self] connection in
            ChargerConnectionHandler(connection: connection, central: self, configuration: configuration)
        }
        server.withLock { $0 = tcpServer }
        let scheme = configuration.tls == nil ? "ws" : "wss"
        logger.info("central system listening on \(scheme)://\(configuration.host):\(tcpServer.localPort)/<chargerId>")
        return tcpServer.localPort
    }

    /// Whether `shutDown()` has begun: a charger that reconnects meanwhile is refused (503).
    var isStopping: Bool { closing.withLock { $0 != nil } }

    /// Shuts down gracefully (`ampwise serve` on SIGINT/SIGTERM): every charger connection gets a
    /// WebSocket close frame 1001 ("going away") and the close handshake's time (`closeTimeout`) to
    /// answer it, then `stop()` closes the listener and whatever is still open. Waits without
    /// holding a thread.
    public func shutDown() async {
        let done = DispatchGroup()
        // The sessions are listed under `closing`'s lock: one that unregisters after the listing
        // finds itself in the set (`unregister` takes the two locks one after the other).
        let open = closing.withLock { closing in
            let open = sessions.withLock { Array($0.values) }
            for _ in open { done.enter() }
            closing = (Set(open.map(ObjectIdentifier.init)), done)
            return open
        }
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
        if ownsGroup { group.shutdown() }
        publisher.finish()
        authentication.drain()
    }

    /// A new stream of what happens from now on: connections, disconnections and every
    /// incoming call (after its handler saw it). Each call makes an independent subscriber;
    /// events are only built while someone listens.
    public func events() -> AsyncStream<CentralEvent> {
        publisher.subscribe()
    }

    // MARK: Sessions

    /// The ids of the chargers connected now.
    public var connectedChargerIds: [String] {
        sessions.withLock { Array($0.keys) }
    }

    public func isConnected(_ chargerId: String) -> Bool {
        sessions.withLock { $0[chargerId] != nil }
    }

    public func latencyMilliseconds(of chargerId: String) -> Double? {
        session(chargerId)?.latencyMilliseconds
    }

    /// The session of a connected charger; its `info` can be read from any thread.
    public func session(_ chargerId: String) -> ChargePointSession? {
        sessions.withLock { $0[chargerId] }
    }

    func makeSession(
        chargerId: String, subprotocol: String?, remoteAddress: String, access: ChargerAccess,
        transport: ChargerConnectionHandler
    ) -> ChargePointSession {
        ChargePointSession(
            chargerId: chargerId, subprotocol: subprotocol, remoteAddress: remoteAddress, access: access,
            transport: transport, callTimeout: configuration.callTimeout, handler: handler,
            publisher: publisher, metrics: metrics)
    }

    /// Makes `session` the charger's current one and returns the session it replaces.
    ///
    /// Called before the 101 response is written: a charger can only reconnect after it has
    /// seen that response, so the newer connection always claims the id after the older one.
    func claim(_ session: ChargePointSession) -> ChargePointSession? {
        sessions.withLock { sessions in
            defer { sessions[session.chargerId] = session }
            return sessions[session.chargerId]
        }
    }

    /// Tells the handler and observers about a claimed session (after its 101 was written, so
    /// that anything they send follows it on the wire) and closes the one it replaced.
    func announce(_ session: ChargePointSession, replacing replaced: ChargePointSession?) {
        logger.info(
            "\(session.chargerId) connected from \(session.remoteAddress) (protocol \(session.subprotocol ?? "none offered, taken as ocpp1.6"))"
                + (replaced == nil ? "" : "; replaces its earlier connection"))
        if let replaced {
            replaced.loop.runOnLoop { replaced.close(reason: "replaced by a new connection") }
        }
        handler.chargerConnected(session)
        publisher.publish(.connected(session.info, replacedEarlierConnection: replaced != nil))
    }

    func unregister(_ session: ChargePointSession) {
        let wasCurrent = sessions.withLock { sessions in
            guard sessions[session.chargerId] === session else { return false }
            sessions[session.chargerId] = nil
            return true
        }
        closing.withLock { closing in
            if closing?.sessions.remove(ObjectIdentifier(session)) != nil { closing?.done.leave() }
        }
        // A replaced connection closing is not a disconnection: the charger is still here.
        guard wasCurrent else { return }
        logger.info("\(session.chargerId) disconnected")
        handler.chargerDisconnected(session)
        publisher.publish(.disconnected(chargerId: session.chargerId))
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
        guard let session = sessions.withLock({ $0[chargerId] }) else { throw .notConnected }
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<JSONObject, CallError>, Never>) in
            session.loop.runOnLoop {
                session.enqueueCall(action: action, payload: payload) { continuation.resume(returning: $0) }
            }
        }
        return try result.get()
    }
}
