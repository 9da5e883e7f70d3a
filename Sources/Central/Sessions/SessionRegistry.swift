import Dispatch
import Logging
import Synchronization

/// The one record of which session is each charger's current one, shared by the central system
/// (calls, the API's questions, shutdown) and the connections (claim on upgrade, unregister on
/// close). Thread-safe: connections on every event loop use it.
final class SessionRegistry: Sendable {
    private let configuration: CentralConfiguration
    private let handler: any IncomingCallHandler
    private let publisher: CentralEventPublisher
    let metrics: CentralMetrics
    private let sessions = Mutex<[String: ChargePointSession]>([:])
    /// While the central system shuts down: the sessions it waits for, and what it waits on.
    private let closing = Mutex<(sessions: Set<ObjectIdentifier>, done: DispatchGroup)?>(nil)
    private let logger = Logger(label: "central")

    init(
        configuration: CentralConfiguration, handler: any IncomingCallHandler, publisher: CentralEventPublisher,
        metrics: CentralMetrics
    ) {
        self.configuration = configuration
        self.handler = handler
        self.publisher = publisher
        self.metrics = metrics
    }

    /// The ids of the chargers connected now.
    var connectedChargerIds: [String] {
        sessions.withLock { Array($0.keys) }
    }

    /// The current session of a connected charger.
    func session(_ chargerId: String) -> ChargePointSession? {
        sessions.withLock { $0[chargerId] }
    }

    /// Whether shutdown has begun: a charger that reconnects meanwhile is refused (503).
    var isStopping: Bool { closing.withLock { $0 != nil } }

    /// Starts shutting down: returns the open sessions and a group that each of them leaves when
    /// it unregisters. Listed under `closing`'s lock, so that a session that unregisters after the
    /// listing finds itself in the set (`unregister` takes the two locks one after the other).
    func beginClosing() -> (open: [ChargePointSession], done: DispatchGroup) {
        let done = DispatchGroup()
        let open = closing.withLock { closing in
            let open = sessions.withLock { Array($0.values) }
            for _ in open { done.enter() }
            closing = (Set(open.map(ObjectIdentifier.init)), done)
            return open
        }
        return (open, done)
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

    /// Forgets a closed session; if it was the charger's current one, the charger is gone.
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
}
