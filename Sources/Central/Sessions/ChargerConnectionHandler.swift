import Foundation
import HTTP
import Logging
import Transport
import WebSocket

/// Drives one charger connection: the HTTP upgrade, then WebSocket frames, pings and the close
/// handshake, handing whole text messages to the `ChargePointSession`.
///
/// Loop-confined like `Connection`: every method runs on `loop`.
final class ChargerConnectionHandler: ConnectionHandler {
    let loop: EventLoop
    private let connection: Connection
    private let services: ChargerConnectionServices
    private var configuration: CentralConfiguration { services.configuration }
    private let logger = Logger(label: "central")
    // The connection's phase: `upgradeParser` until the upgrade, then `webSocket`, then neither.
    // Two optionals rather than an enum with payloads, so that the state machines mutate in
    // place (taking a payload out of an enum and back copies its buffers).
    private var upgradeParser: HTTPRequestParser?
    private var webSocket: WebSocketConnection?
    private var session: ChargePointSession?
    private var handshakeTimer: TimerHandle?
    private var pingTimer: TimerHandle?
    private var pongDeadline: TimerHandle?
    private var pingSentAt: UInt64?
    private var closeTimer: TimerHandle?
    /// A 401 held back by the `AuthenticationGuard`, and the host it counts against until it is sent.
    private var delayedRefusal: (timer: TimerHandle, host: String)?
    /// Bytes of unfinished messages, as last reported to the `MessageBufferBudget`.
    private(set) var bufferedBytes = 0

    init(connection: Connection, services: ChargerConnectionServices) {
        self.connection = connection
        self.loop = connection.loop
        self.services = services
        // An upgrade request has no body; 8 KiB of headers is generous for any charger.
        self.upgradeParser = HTTPRequestParser(maxHeaderBytes: 8192, maxBodyBytes: 0)
    }

    func connectionDidOpen(_ connection: Connection) {
        handshakeTimer = loop.scheduleTimer(after: configuration.handshakeTimeout) { [weak self] in
            guard let self else { return }
            self.logger.info(
                "\(connection.remoteAddress): no WebSocket upgrade within \(Int(self.configuration.handshakeTimeout)) s; closed"
            )
            self.connection.abort()
        }
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        if webSocket != nil {
            if let actions = webSocket?.receive(bytes) { perform(actions) }
            reportBufferedBytes()
            return
        }
        guard upgradeParser != nil else { return }
        upgradeParser?.append(bytes)
        let request: HTTPRequest?
        do {
            request = try upgradeParser?.next()
        } catch {
            logger.info("\(connection.remoteAddress): bad upgrade request: \(error.message)")
            refuse(error.response)
            return
        }
        guard let request, let leftover = upgradeParser?.takeBufferedBytes() else { return }
        upgradeParser = nil
        upgrade(request, leftover: leftover)
    }

    private func upgrade(_ request: HTTPRequest, leftover: [UInt8]) {
        guard !services.registry.isStopping else {
            // Shutting down: a charger that answered the 1001 by reconnecting comes back later.
            logger.info("\(connection.remoteAddress): upgrade refused: shutting down")
            refuse(HTTPResponse(status: .serviceUnavailable))
            return
        }
        let host = RemoteHost.throttleKey(of: connection.remoteAddress)
        // Before the credentials are looked at, so that the answer tells nothing about them.
        if services.authentication.turnsAway(host) {
            let seconds = Int(services.authentication.settings.maximumDelay.rounded(.up))
            refuse(WebSocketUpgradeError.tooManyFailedLogins(retryAfterSeconds: seconds).response)
            return
        }
        var belowProfile: SecurityProfileRefusal?
        let slowCheck = PendingPasswordCheck()
        let result = WebSocketUpgrade.evaluate(request, acceptedSubprotocols: configuration.protocols) { chargerId in
            guard let access = configuration.access(chargerId) else { return .refused }
            let profile = access.securityProfile
            if let refusal = profile.refusal(
                of: chargerId, overTLS: connection.isTLS, certificate: connection.peerCertificate)
            {
                belowProfile = refusal
                return .belowSecurityProfile(reason: refusal.message)
            }
            // At profile 3 the verified certificate is the credential (the whitepaper's profile 3
            // sends no Basic auth).
            if profile == .clientCertificate { return .allowed }
            if configuration.passwords.entry(chargerId) != nil {
                let passwords = configuration.passwords
                return .passwordChecked { password in
                    if let known = passwords.quickCheck(password, of: chargerId) { return known }
                    // A PBKDF2 check: decided off the loop before anything is answered (below).
                    slowCheck.password = password
                    return true
                }
            }
            return access.password.map { .passwordRequired($0) } ?? .allowed
        }
        switch result {
        case .refuse(.belowSecurityProfile(let chargerId, _), let response):
            if let belowProfile { countAndLog(belowProfile, of: chargerId) }
            refuse(response)
        case .refuse(.wrongCredentials(let chargerId), let response):
            refuseFailedLogin(of: chargerId, from: host, target: request.target, response: response)
        case .refuse(.unknownCharger(let chargerId), let response):
            // The one refusal a user causes by configuration: say which setting lets it in.
            logger.warning(
                "\(connection.remoteAddress): charger \(chargerId) refused (HTTP 404): it is not in \"chargers\" "
                    + "and central.allowUnknownChargers is false; add it to \"chargers\" or set "
                    + "allowUnknownChargers to true")
            refuse(response)
        case .refuse(let error, let response):
            logger.info("\(connection.remoteAddress): upgrade of \(request.target) refused: \(error.message)")
            refuse(response)
        case .accept(let chargerId, let subprotocol, let response):
            guard let password = slowCheck.password else {
                accepted(chargerId: chargerId, subprotocol: subprotocol, response: response, leftover: leftover)
                return
            }
            checkPasswordOffLoop(password, of: chargerId, from: host, request: request) { [weak self] in
                self?.accepted(chargerId: chargerId, subprotocol: subprotocol, response: response, leftover: leftover)
            }
        }
    }

    /// A changed password's PBKDF2 check (about 28 ms, docs/security.md) runs on a utility queue, not
    /// on this loop, which serves every other charger on it meanwhile. Nothing is answered until it
    /// ends: the right password then goes on with `accept`, a wrong one gets the failed login's
    /// delayed 401.
    private func checkPasswordOffLoop(
        _ password: [UInt8], of chargerId: String, from host: String, request: HTTPRequest,
        accept: @escaping () -> Void
    ) {
        let passwords = configuration.passwords
        let bound = LoopBound((handler: self, accept: accept), loop: loop)
        DispatchQueue.global(qos: .userInitiated).async {
            let matches = passwords.check(password, of: chargerId)
            bound.loop.execute {
                let (handler, accept) = bound.value
                guard handler.connection.isOpen else { return }
                guard !handler.services.registry.isStopping else {
                    handler.refuse(HTTPResponse(status: .serviceUnavailable))
                    return
                }
                if matches {
                    accept()
                } else {
                    handler.refuseFailedLogin(
                        of: chargerId, from: host, target: request.target,
                        response: WebSocketUpgradeError.wrongCredentials(chargerId: chargerId).response)
                }
            }
        }
    }

    /// An upgrade whose credentials are good: warned about an odd charger id, then accepted.
    private func accepted(chargerId: String, subprotocol: String?, response: [UInt8], leftover: [UInt8]) {
        if services.chargerIdWarnings.shouldWarn(about: chargerId) {
            logger.warning(
                "charger id \"\(chargerId)\" has characters outside the set OCPP recommends for it "
                    + "(a-z A-Z 0-9 * - _ = + | @ . and at most 48 of them); accepted, "
                    + "but some tools and chargers may not handle it")
        }
        accept(chargerId: chargerId, subprotocol: subprotocol, response: response, leftover: leftover)
    }

    /// A refusal below the charger's security profile: counted every time, logged the first time per
    /// charger and reason (a charger retries every few seconds).
    private func countAndLog(_ refusal: SecurityProfileRefusal, of chargerId: String) {
        services.registry.metrics.countSecurityProfileRefusal(refusal)
        guard services.securityProfileRefusals.shouldLog(refusal, of: chargerId) else { return }
        logger.warning(
            "\(connection.remoteAddress): charger \(chargerId) refused (HTTP 401): \(refusal.message); "
                + "further refusals of it for this reason are only counted (ampwise_security_profile_refusals_total)")
    }

    /// Wrong credentials: the 401 goes out after the delay the `AuthenticationGuard` sets, a timer
    /// on this loop (the loop and every other connection carry on meanwhile).
    private func refuseFailedLogin(of chargerId: String, from host: String, target: String, response: HTTPResponse) {
        let verdict = services.authentication.failed(host: host, chargerId: chargerId)
        if verdict.logIndividually {
            logger.warning(
                "\(connection.remoteAddress): upgrade of \(target) refused: wrong credentials for charger \(chargerId); "
                    + "further failed logins from \(host) are answered ever later and summed up in one line a minute")
        }
        if verdict.opensWindow { services.authentication.watchWindow(of: host, on: loop) }
        if let handshakeTimer { loop.cancel(handshakeTimer) }
        handshakeTimer = nil
        let timer = loop.scheduleTimer(after: verdict.delay) { [weak self] in
            guard let self, let held = self.delayedRefusal else { return }
            self.delayedRefusal = nil
            self.services.authentication.refusalAnswered(host: held.host)
            self.refuse(response)
        }
        delayedRefusal = (timer, host)
    }

    private func refuse(_ response: HTTPResponse) {
        var response = response
        response.headers.replaceOrAdd(name: "Connection", value: "close")
        connection.write(response.bytes())
        connection.close()
        upgradeParser = nil
        cancelTimers()
    }

    private func accept(chargerId: String, subprotocol: String?, response: [UInt8], leftover: [UInt8]) {
        if let handshakeTimer { loop.cancel(handshakeTimer) }
        handshakeTimer = nil
        webSocket = WebSocketConnection(maxMessageBytes: configuration.maxMessageBytes)
        let access = configuration.access(chargerId) ?? ChargerAccess()
        let session = services.registry.makeSession(
            chargerId: chargerId, subprotocol: subprotocol, remoteAddress: connection.remoteAddress,
            access: access, transport: self)
        self.session = session
        let replaced = services.registry.claim(session)
        connection.write(response)
        services.registry.announce(session, replacing: replaced)
        schedulePing()
        if !leftover.isEmpty {
            leftover.withUnsafeBytes { connection(self.connection, didReceive: $0) }
        }
    }

    private func perform(_ actions: [WebSocketAction]) {
        for action in actions {
            switch action {
            case .deliverText(let message):
                session?.receive(message)
            case .send(let frame):
                connection.write(frame)
            case .pongReceived:
                pongReceived()
            case .closeConnection(let cause):
                logger.info("\(session?.chargerId ?? connection.remoteAddress): WebSocket closed: \(cause)")
                connection.close()
                webSocket = nil
            }
        }
    }

    /// Tells the `MessageBufferBudget` how much this connection holds for unfinished messages.
    private func reportBufferedBytes() {
        let now = webSocket?.bufferedByteCount ?? 0
        guard now != bufferedBytes else { return }
        let old = bufferedBytes
        bufferedBytes = now
        services.bufferBudget.update(self, from: old, to: now)
    }

    /// Closed by the `MessageBufferBudget`: this connection holds more than most for unfinished
    /// messages while all of them together hold more than `central.maxBufferedBytes`.
    func closeForBufferLimit(totalBytes: Int, limit: Int) {
        guard bufferedBytes > 0, webSocket != nil else { return }
        let holder = session?.chargerId ?? connection.remoteAddress
        logger.warning(
            "\(holder): closed with 1009: it held \(bufferedBytes) bytes of unfinished messages while all "
                + "connections held \(totalBytes), over central.maxBufferedBytes \(limit)")
        let reason = "unfinished messages over the server's buffer limit"
        if let frame = webSocket?.abandon(code: .messageTooBig, reason: reason) { connection.write(frame) }
        webSocket = nil
        reportBufferedBytes()
        connection.close()
    }

    // MARK: Sending

    func sendText(_ message: [UInt8]) {
        if let frame = webSocket?.sendText(message) { connection.write(frame) }
    }

    func closeWebSocket(code: WebSocketCloseCode, reason: String) {
        guard let frame = webSocket?.close(code: code, reason: reason) else { return }
        connection.write(frame)
        closeTimer = loop.scheduleTimer(after: configuration.closeTimeout) { [weak self] in
            self?.connection.abort()
        }
    }

    // MARK: Ping and pong

    private func schedulePing() {
        pingTimer = loop.scheduleTimer(after: configuration.pingInterval) { [weak self] in
            self?.sendPing()
        }
    }

    private func sendPing() {
        guard let frame = webSocket?.ping(payload: Array("ampwise".utf8)) else { return }
        pingSentAt = MonotonicClock.nanoseconds()
        connection.write(frame)
        pongDeadline = loop.scheduleTimer(after: configuration.pingTimeout) { [weak self] in
            guard let self else { return }
            self.logger.warning(
                "\(self.session?.chargerId ?? "?"): no pong within \(Int(self.configuration.pingTimeout)) s; closing")
            self.connection.abort()
        }
    }

    private func pongReceived() {
        guard let sentAt = pingSentAt else { return }  // an unsolicited pong is allowed and ignored
        pingSentAt = nil
        if let pongDeadline { loop.cancel(pongDeadline) }
        pongDeadline = nil
        let milliseconds = Double(MonotonicClock.nanoseconds() - sentAt) / 1_000_000
        session?.pongReceived(latencyMilliseconds: (milliseconds * 10).rounded() / 10)
        schedulePing()
    }

    // MARK: Close

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        upgradeParser = nil
        webSocket = nil
        reportBufferedBytes()
        if let held = delayedRefusal {
            delayedRefusal = nil
            services.authentication.refusalAnswered(host: held.host)
        }
        cancelTimers()
        if let session {
            session.closed()
            services.registry.unregister(session)
        }
    }

    private func cancelTimers() {
        for timer in [handshakeTimer, pingTimer, pongDeadline, closeTimer, delayedRefusal?.timer].compactMap({ $0 }) {
            loop.cancel(timer)
        }
        handshakeTimer = nil
        pingTimer = nil
        pongDeadline = nil
        closeTimer = nil
    }
}
