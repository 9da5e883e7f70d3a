import Foundation
import HTTP
import JSON
import Logging
import OCPP
import OCPP201
import Synchronization
import Transport
import WebSocket

/// One connected charger at the OCPP-J level: its identity, the calls in flight both ways, its latency.
///
/// A session lives on the event loop of its connection and all its mutable state is touched only
/// there; methods that other threads may call hop onto the loop first. That confinement (as in
/// swift-nio's channels) is what makes the `@unchecked Sendable` below safe.
public final class ChargePointSession: @unchecked Sendable {
    public let chargerId: String
    /// The negotiated subprotocol (`ocpp1.6`, `ocpp2.0.1`) as the charger spelled it, or nil when
    /// the charger offered none (it then speaks 1.6).
    public let subprotocol: String?
    /// Whether the connection speaks OCPP 2.0.1 (docs/ocpp201.md), else 1.6.
    public let speaksOCPP201: Bool
    public let remoteAddress: String
    public let connectedAt: Date
    /// Numbers every connection since start-up, in the order their upgrades were accepted: of two
    /// connections of one charger, the higher number is the newer.
    public let connectionNumber: UInt64
    public let loop: EventLoop
    let access: ChargerAccess

    private let logger = Logger(label: "central")
    private weak var transport: ChargerConnectionHandler?
    private let callTimeout: Double
    private var outgoing = OutgoingCallQueue<PendingCall>()
    private var callTimer: TimerHandle?
    private var nextUniqueId: UInt64 = 0
    private var isOpen = true
    private let handler: any IncomingCallHandler
    private let publisher: CentralEventPublisher
    private let metrics: CentralMetrics

    private static let connectionCounter = Atomic<UInt64>(0)

    /// Round trip of the last ping, in milliseconds; readable from any thread.
    public var latencyMilliseconds: Double? { latency.withLock { $0 } }
    private let latency = Mutex<Double?>(nil)

    struct PendingCall {
        let action: String
        let payload: JSONObject
        let completion: @Sendable (Result<JSONObject, CallError>) -> Void
    }

    init(
        chargerId: String, subprotocol: String?, remoteAddress: String, access: ChargerAccess,
        transport: ChargerConnectionHandler, callTimeout: Double, handler: any IncomingCallHandler,
        publisher: CentralEventPublisher, metrics: CentralMetrics
    ) {
        self.chargerId = chargerId
        self.subprotocol = subprotocol
        self.speaksOCPP201 = subprotocol.map { HTTPHeaders.namesMatch($0, WebSocketUpgrade.ocpp201) } ?? false
        self.remoteAddress = remoteAddress
        self.access = access
        self.transport = transport
        self.loop = transport.loop
        self.callTimeout = callTimeout
        self.handler = handler
        self.publisher = publisher
        self.metrics = metrics
        self.connectedAt = Date()
        self.connectionNumber = Self.connectionCounter.add(1, ordering: .relaxed).newValue
    }

    /// A snapshot other threads may read.
    public var info: ChargePointSessionInfo {
        ChargePointSessionInfo(
            chargerId: chargerId, subprotocol: subprotocol, remoteAddress: remoteAddress,
            connectedAt: connectedAt, latencyMilliseconds: latencyMilliseconds)
    }

    // MARK: Incoming text messages

    func receive(_ message: [UInt8]) {
        metrics.countReceived()
        if logger.isEnabled(.debug) {
            logger.debug("\(chargerId) <- \(OCPPSecrets.loggable(message))")
        }
        if speaksOCPP201 {
            guard let frame = parse(message, as: OCPP201ErrorCode.self) else { return }
            switch frame {
            case .call(let uniqueId, let action, let payload):
                receiveOCPP201Call(uniqueId: uniqueId, action: action, payload: payload)
            case .callResult(let uniqueId, let payload):
                complete(uniqueId: uniqueId, with: .success(payload))
            case .callError(let uniqueId, let code, let description, let details):
                complete(
                    uniqueId: uniqueId,
                    with: .failure(.ocpp201CallError(code: code, description: description, details: details)))
            }
            return
        }
        guard let frame = parse(message, as: OCPPErrorCode.self) else { return }
        switch frame {
        case .call(let uniqueId, let action, let payload):
            receiveCall(uniqueId: uniqueId, action: action, payload: payload)
        case .callResult(let uniqueId, let payload):
            complete(uniqueId: uniqueId, with: .success(payload))
        case .callError(let uniqueId, let code, let description, let details):
            complete(
                uniqueId: uniqueId, with: .failure(.callError(code: code, description: description, details: details)))
        }
    }

    /// The frame, or nil when the message is not OCPP-J (answered with the version's code where
    /// an id can be read, else logged and dropped).
    private func parse<Code: RPCErrorCode>(_ message: [UInt8], as _: Code.Type) -> RPCFrame<Code>? {
        do {
            return try RPCFrame<Code>.parse(message)
        } catch {
            if let reply = error.reply {
                logger.warning("\(chargerId): \(error.message); answered with \(error.code.rawValue)")
                send(reply)
            } else {
                logger.warning("\(chargerId): dropped a message that is not OCPP-J: \(error.message)")
            }
            return nil
        }
    }

    private func receiveOCPP201Call(uniqueId: String, action: String, payload: JSONObject) {
        guard
            let request = decodeCall(ChargingStationRequest.self, uniqueId: uniqueId, action: action, payload: payload)
        else { return }
        let call = IncomingOCPP201Call(chargerId: chargerId, uniqueId: uniqueId, request: request)
        handler.handle(call, from: self, reply: OCPP201CallReply(session: self, uniqueId: uniqueId, action: action))
    }

    private func receiveCall(uniqueId: String, action: String, payload: JSONObject) {
        guard let request = decodeCall(ChargePointRequest.self, uniqueId: uniqueId, action: action, payload: payload)
        else { return }
        if case .securityEventNotification(let event) = request { metrics.countSecurityEvent(type: event.type) }
        let call = IncomingCall(chargerId: chargerId, uniqueId: uniqueId, request: request)
        handler.handle(call, from: self, reply: CallReply(session: self, uniqueId: uniqueId, action: action))
        publisher.publish(.request(call))
    }

    /// Decodes a CALL as the charger's `strict` setting says, in the version's requests; one that
    /// does not decode is answered with its CALLERROR (nil), one read leniently logs its warnings.
    private func decodeCall<Request: IncomingRequest>(
        _: Request.Type, uniqueId: String, action: String, payload: JSONObject
    ) -> Request? {
        let decoded: OCPPDecoded<Request>
        do {
            decoded = try Request.decode(action: action, payload: payload, mode: access.validationMode)
        } catch {
            logger.warning("\(chargerId): \(action) answered with \(error.code.rawValue): \(error.message)")
            send(error.frame(answering: uniqueId))
            return nil
        }
        for warning in decoded.warnings {
            logger.warning("\(chargerId): \(action) accepted leniently: \(warning)")
        }
        return decoded.value
    }

    // MARK: Replies to the charger's calls

    func sendCallResult(uniqueId: String, payload: JSONObject) {
        send(OCPPFrame.callResult(uniqueId: uniqueId, payload: payload))
    }

    func sendCallError<Code: RPCErrorCode>(uniqueId: String, code: Code, description: String) {
        send(
            RPCFrame<Code>.callError(
                uniqueId: uniqueId, code: code, description: Code.fitting(description), details: JSONObject()))
    }

    private func send<Code: RPCErrorCode>(_ frame: RPCFrame<Code>) {
        guard isOpen else { return }
        let bytes = frame.bytes()
        metrics.countSent()
        if logger.isEnabled(.debug) {
            logger.debug("\(chargerId) -> \(OCPPSecrets.loggable(bytes))")
        }
        transport?.sendText(bytes)
    }

    // MARK: Calls to the charger

    /// Queues a call; `completion` runs on the loop once the charger answers, the call times out
    /// or the connection closes.
    func enqueueCall(
        action: String, payload: JSONObject, completion: @escaping @Sendable (Result<JSONObject, CallError>) -> Void
    ) {
        guard isOpen else {
            completion(.failure(.connectionClosed))
            return
        }
        if outgoing.enqueue(PendingCall(action: action, payload: payload, completion: completion)) {
            sendNextCall()
        }
    }

    private func sendNextCall() {
        guard let entry = outgoing.sendNext(uniqueId: makeUniqueId) else { return }
        // A CALL is framed alike in every version.
        send(OCPPFrame.call(uniqueId: entry.uniqueId, action: entry.call.action, payload: entry.call.payload))
        let uniqueId = entry.uniqueId
        callTimer = loop.scheduleTimer(after: callTimeout) { [weak self] in
            self?.callTimedOut(uniqueId: uniqueId)
        }
    }

    private func makeUniqueId() -> String {
        nextUniqueId += 1
        return String(nextUniqueId)
    }

    private func callTimedOut(uniqueId: String) {
        callTimer = nil
        guard let call = outgoing.complete(uniqueId: uniqueId) else { return }
        logger.warning("\(chargerId): \(call.action) got no answer within \(Int(callTimeout)) s")
        call.completion(.failure(.timeout))
        sendNextCall()
    }

    private func complete(uniqueId: String, with result: Result<JSONObject, CallError>) {
        guard let call = outgoing.complete(uniqueId: uniqueId) else {
            logger.warning("\(chargerId): dropped a reply to unknown or expired call \(uniqueId)")
            return
        }
        if let callTimer { loop.cancel(callTimer) }
        callTimer = nil
        call.completion(result)
        sendNextCall()
    }

    // MARK: Lifecycle

    func pongReceived(latencyMilliseconds: Double) {
        latency.withLock { $0 = latencyMilliseconds }
    }

    /// The connection is gone: every waiting caller learns it now.
    func closed() {
        guard isOpen else { return }
        isOpen = false
        if let callTimer { loop.cancel(callTimer) }
        callTimer = nil
        for call in outgoing.drain() {
            call.completion(.failure(.connectionClosed))
        }
    }

    /// Closes the connection (a newer connection with the same id replaced this one).
    func close(reason: String) {
        transport?.closeWebSocket(code: .goingAway, reason: reason)
    }
}
