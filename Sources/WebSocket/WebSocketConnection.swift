/// The server side of one WebSocket connection as a value-type state machine with no I/O: feed it the
/// bytes read from the socket, carry out the actions it returns, and ask it for the bytes of outgoing
/// messages.
///
/// Text messages only (OCPP-J): a binary message fails the connection with 1003. Fragmented messages are
/// reassembled, with UTF-8 checked fragment by fragment; pings are answered; a close from the peer is
/// echoed and ends the connection. After `close(code:reason:)` the connection waits for the peer's close
/// frame; the timeout for that wait belongs to the I/O layer, which then just closes the socket.
public struct WebSocketConnection: Sendable {
    /// Where the connection is in its life.
    public enum State: Sendable, Equatable {
        /// Messages flow both ways.
        case open
        /// The server sent its close frame and waits for the peer's; nothing more may be sent.
        case closing
        /// The close handshake is over or the connection failed: the socket must be closed.
        case closed
    }

    /// The largest message accepted, in bytes (after reassembly); larger ones fail with 1009.
    public let maxMessageBytes: Int
    /// Open until a close frame goes either way or the peer breaks the protocol.
    public private(set) var state: State = .open

    private var decoder = FrameDecoder(expectsMaskedFrames: true)
    /// The fragments received so far of a fragmented text message.
    private var fragments: [UInt8] = []
    private var inFragmentedMessage = false
    private var validator = UTF8Validator()

    /// A connection that has just been upgraded (`central.maxMessageBytes`, default 1 MiB).
    public init(maxMessageBytes: Int = 1024 * 1024) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Whether text messages may still be sent.
    public var isOpen: Bool { state == .open }

    /// Bytes held for messages that are not complete yet: frames not received whole, and the
    /// fragments of an unfinished fragmented message. What `central.maxBufferedBytes` bounds over
    /// all connections together.
    public var bufferedByteCount: Int { decoder.bufferedByteCount + fragments.count }

    /// Processes bytes read from the socket and returns what to do, in order. Returns no actions once closed.
    public mutating func receive(_ bytes: UnsafeRawBufferPointer) -> [WebSocketAction] {
        guard state != .closed else { return [] }
        decoder.append(bytes)
        var actions: [WebSocketAction] = []
        while state != .closed {
            let budget = inFragmentedMessage ? maxMessageBytes - fragments.count : maxMessageBytes
            do {
                guard let frame = try decoder.nextFrame(maxDataPayloadBytes: budget) else { break }
                try handle(frame, into: &actions)
            } catch .messageTooBig {
                // The decoder saw what was left of the budget; the log should name the configured limit.
                fail(.messageTooBig(limit: maxMessageBytes), into: &actions)
            } catch {
                fail(error, into: &actions)
            }
        }
        return actions
    }

    /// Processes bytes read from the socket (see `receive(_:)` for a buffer).
    public mutating func receive(_ bytes: [UInt8]) -> [WebSocketAction] {
        bytes.withUnsafeBytes { receive($0) }
    }

    /// The frame carrying a text message (`utf8` must be valid UTF-8), or nil once the connection is
    /// closing or closed.
    public mutating func sendText(_ utf8: [UInt8]) -> [UInt8]? {
        guard state == .open else { return nil }
        return FrameEncoder.encode(opcode: .text, payload: utf8)
    }

    /// A ping frame, or nil once closing. The payload (at most 125 bytes) comes back in `.pongReceived`.
    public mutating func ping(payload: [UInt8] = []) -> [UInt8]? {
        precondition(payload.count <= 125, "a ping payload holds at most 125 bytes")
        guard state == .open else { return nil }
        return FrameEncoder.encode(opcode: .ping, payload: payload)
    }

    /// Starts the close handshake: the close frame to send, or nil when it was started already. The
    /// reason is cut to fit the 123 bytes a close frame leaves for it. Afterwards the connection ignores
    /// incoming messages and ends with `.closeConnection(.closeAcknowledged)` when the peer answers.
    public mutating func close(code: WebSocketCloseCode = .normalClosure, reason: String = "") -> [UInt8]? {
        guard state == .open else { return nil }
        state = .closing
        fragments = []
        inFragmentedMessage = false
        return FrameEncoder.encodeClose(code: code, reason: reason)
    }

    /// Ends the connection at once, without waiting for the peer's close frame, and lets go of
    /// every buffered byte: for a connection the server can no longer afford to buffer for. Returns
    /// the close frame to send before closing the socket, or nil when one was sent already.
    public mutating func abandon(code: WebSocketCloseCode, reason: String) -> [UInt8]? {
        let frame = state == .open ? FrameEncoder.encodeClose(code: code, reason: reason) : nil
        finish()
        decoder = FrameDecoder(expectsMaskedFrames: true)
        return frame
    }

    private mutating func handle(
        _ frame: WebSocketFrame, into actions: inout [WebSocketAction]
    ) throws(WebSocketError) {
        switch frame.opcode {
        case .text, .binary:
            if inFragmentedMessage { throw .dataFrameInsideFragmentedMessage }
            // RFC 6455 §5.5.1: after sending a close frame, data from the peer is discarded.
            guard state == .open else { return }
            if frame.opcode == .binary { throw .binaryMessage }
            if frame.fin {
                guard UTF8Validator.isValid(frame.payload) else { throw .invalidUTF8 }
                actions.append(.deliverText(frame.payload))
            } else {
                validator = UTF8Validator()
                guard validator.consume(frame.payload) else { throw .invalidUTF8 }
                fragments = frame.payload
                inFragmentedMessage = true
            }
        case .continuation:
            guard state == .open else { return }
            guard inFragmentedMessage else { throw .continuationWithoutStart }
            guard validator.consume(frame.payload) else { throw .invalidUTF8 }
            fragments.append(contentsOf: frame.payload)
            if frame.fin {
                guard validator.isAtCharacterBoundary else { throw .invalidUTF8 }
                actions.append(.deliverText(fragments))
                fragments = []
                inFragmentedMessage = false
            }
        case .ping:
            if state == .open { actions.append(.send(FrameEncoder.encode(opcode: .pong, payload: frame.payload))) }
        case .pong:
            actions.append(.pongReceived(frame.payload))
        case .close:
            let (code, reason) = try WebSocketConnection.parseClosePayload(frame.payload)
            if state == .open {
                // Echo the code (RFC 6455 §5.5.1); an empty close is answered with an empty close.
                actions.append(.send(FrameEncoder.encodeClose(code: code)))
                actions.append(.closeConnection(.closedByPeer(code: code, reason: reason)))
            } else {
                actions.append(.closeConnection(.closeAcknowledged(code: code, reason: reason)))
            }
            finish()
        }
    }

    private mutating func fail(_ error: WebSocketError, into actions: inout [WebSocketAction]) {
        if state == .open {
            actions.append(.send(FrameEncoder.encodeClose(code: error.closeCode, reason: error.reason)))
        }
        actions.append(.closeConnection(.protocolViolation(error)))
        finish()
    }

    private mutating func finish() {
        state = .closed
        fragments = []
        inFragmentedMessage = false
    }

    /// The code and reason of a close frame (RFC 6455 §5.5.1, §7.4).
    static func parseClosePayload(
        _ payload: [UInt8]
    ) throws(WebSocketError) -> (WebSocketCloseCode?, String) {
        if payload.isEmpty { return (nil, "") }
        guard payload.count >= 2 else { throw .closePayloadTooShort }
        let code = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isValidOnWire else { throw .invalidCloseCode(code.rawValue) }
        let reason = Array(payload[2...])
        guard UTF8Validator.isValid(reason) else { throw .invalidCloseReason }
        return (code, String(decoding: reason, as: UTF8.self))
    }
}
