import CLinux
import Glibc
import Logging

/// One accepted TCP connection (plaintext or TLS), owned by one event loop.
///
/// Loop-confined: every property and method must be used on `loop` (checked in debug builds).
/// From another thread, hop with `connection.loop.execute { ... }` carrying the connection in a
/// `LoopBound`.
///
/// Writing: `write` sends at once when nothing is queued and queues only what the kernel did not
/// take; queued bytes go out when the socket becomes writable. While more than the high
/// watermark is queued the connection stops reading (so a peer that does not read cannot make
/// the server buffer without bound) and resumes below the low watermark; at the hard limit it
/// is aborted. Under TLS the handler reads and writes plaintext; the handshake happens before
/// `connectionDidOpen`.
public final class Connection {
    /// The loop this connection lives on; run everything about it there.
    public let loop: EventLoop
    /// The peer, `"127.0.0.1:53211"` or `"[::1]:53211"`.
    public let remoteAddress: String

    let fd: Int32
    var state: State = .idle
    /// Who receives this connection's events; set from the server's handler factory.
    ///
    /// Replace it to switch protocols (HTTP upgrade to WebSocket); the new handler gets the
    /// following events (its `connectionDidOpen` is not called). Bytes of the current read that the
    /// old handler did not consume are its to pass on. Released after `connectionDidClose`.
    public var handler: ConnectionHandler? {
        didSet { loop.assertInEventLoop() }
    }
    var tls: TLSSession?
    private var writeQueue = WriteQueue()
    var backPressure: WriteBackPressure
    private let writeQueueLimit: Int
    private let closeTimeout: Double
    /// Plaintext written before the TLS handshake completed.
    var pendingPlaintext: [[UInt8]] = []
    var watchedEvents: UInt32 = 0
    /// The peer hung up (or the socket failed) and the loop has not handled it yet: the socket is
    /// out of epoll meanwhile (see `Connection.handleEvents`).
    var isHangUpPending = false
    /// The peer's end of stream was read: nothing is left to read before closing.
    var hasReadEndOfStream = false
    /// The TLS handshake timeout, then the close timeout.
    var timer: TimerHandle?

    weak var registry: ConnectionRegistry?
    var registryIndex = -1

    static let logger = Logger(label: "transport")

    enum State {
        case idle
        case handshaking
        case open
        case closing
        case closed
    }

    init(fd: Int32, loop: EventLoop, remoteAddress: String, options: ServerOptions, tls: TLSSession?) {
        self.fd = fd
        self.loop = loop
        self.remoteAddress = remoteAddress
        self.tls = tls
        backPressure = WriteBackPressure(
            highWatermark: options.writeHighWatermark, lowWatermark: options.writeLowWatermark)
        writeQueueLimit = options.writeQueueLimit
        closeTimeout = options.closeTimeout
    }

    /// True from `connectionDidOpen` until `close()`, `abort()` or the peer ends it.
    public var isOpen: Bool {
        loop.assertInEventLoop()
        return state == .open
    }

    /// Bytes accepted by `write` but not yet taken by the kernel.
    public var queuedByteCount: Int {
        loop.assertInEventLoop()
        return writeQueue.byteCount
    }

    /// True while back-pressure has paused reading.
    public var isReadingPaused: Bool {
        loop.assertInEventLoop()
        return backPressure.isReadingPaused
    }

    /// The negotiated TLS version ("TLSv1.3"), or nil for a plaintext connection.
    public var tlsVersion: String? {
        loop.assertInEventLoop()
        return tls?.protocolVersion
    }

    /// Whether the connection runs over TLS (a charger's security profile 2 or 3).
    public var isTLS: Bool { tls != nil }

    /// The client certificate verified during the TLS handshake (`TLSSession.verifiedPeerCertificate`).
    public internal(set) var peerCertificate: PeerCertificate?

    func isWatching(_ event: UInt32) -> Bool { watchedEvents & event != 0 }

    /// Input is read while open (or shaking hands) and back-pressure has not paused it.
    var wantsInput: Bool {
        (state == .open || state == .handshaking) && !backPressure.isReadingPaused
    }

    /// What epoll reports while reading: data, and the peer's end of stream on its own (a hang-up
    /// is handled in the loop's slices of closing work, not inline).
    static let readingEvents = AMPWISE_EPOLLIN | AMPWISE_EPOLLRDHUP

    /// Starts watching the socket, then opens (plaintext) or starts the TLS handshake; a client
    /// (`initiatesTLSHandshake`) sends its hello at once, a server waits for the peer's.
    func start(handler: ConnectionHandler, tlsHandshakeTimeout: Double, initiatesTLSHandshake: Bool = false) {
        loop.assertInEventLoop()
        self.handler = handler
        state = tls == nil ? .open : .handshaking
        watchedEvents = Connection.readingEvents
        guard loop.register(fd, events: watchedEvents, registrant: self) else {
            fail(.socket(operation: "epoll_ctl", reason: TransportError.reason(errno: errno)))
            return
        }
        if tls != nil {
            timer = loop.scheduleTimer(after: tlsHandshakeTimeout) { [weak self] in
                self?.timer = nil
                self?.fail(.tlsHandshakeTimeout)
            }
            if initiatesTLSHandshake { _ = continueHandshake() }
        } else {
            writePendingPlaintext()
            guard state == .open else { return }
            handler.connectionDidOpen(self)
        }
    }

    // MARK: - Writing

    /// Sends `bytes` (plaintext; encrypted here under TLS). Ignored once closing or closed.
    public func write(_ bytes: [UInt8]) {
        loop.assertInEventLoop()
        bytes.withUnsafeBytes { write(contentsOf: $0, owned: bytes) }
    }

    /// Sends `bytes`, copying only what cannot be written at once: for callers that encode
    /// into a scratch buffer.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        loop.assertInEventLoop()
        write(contentsOf: bytes, owned: nil)
    }

    /// Sends what was written before the connection opened (from the handler factory, or
    /// during the TLS handshake), in order.
    func writePendingPlaintext() {
        guard !pendingPlaintext.isEmpty else { return }
        let pending = pendingPlaintext
        pendingPlaintext = []
        for bytes in pending where state == .open {
            write(bytes)
        }
    }

    private func write(contentsOf bytes: UnsafeRawBufferPointer, owned: [UInt8]?) {
        guard !bytes.isEmpty else { return }
        switch state {
        case .idle, .handshaking:
            pendingPlaintext.append(owned ?? [UInt8](bytes))
        case .open:
            if let tls {
                var offset = 0
                while offset < bytes.count && state == .open {
                    let end = min(offset + TLSSession.maximumPlaintextPerWrite, bytes.count)
                    if let reason = tls.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) {
                        fail(.tls(reason: reason))
                        return
                    }
                    sendTLSOutput()
                    offset = end
                }
            } else {
                sendToSocket(bytes, owned: owned)
            }
        case .closing, .closed:
            return
        }
    }

    /// Writes to the socket at once if nothing is queued; queues the rest.
    func sendToSocket(_ bytes: UnsafeRawBufferPointer, owned: [UInt8]? = nil) {
        guard state != .closed, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        if writeQueue.isEmpty {
            while offset < bytes.count {
                let sent = ampwise_send(fd, base + offset, bytes.count - offset)
                if sent > 0 {
                    offset += sent
                    continue
                }
                let code = errno
                if sent < 0 && code == EINTR { continue }
                if sent == 0 || code == EAGAIN || code == EWOULDBLOCK { break }
                fail(.socket(operation: "write", reason: TransportError.reason(errno: code)))
                return
            }
            if offset == bytes.count { return }
        }
        if offset == 0, let owned {
            writeQueue.append(owned)
        } else {
            writeQueue.append(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
        }
        if writeQueue.byteCount > writeQueueLimit {
            Connection.logger.warning(
                "\(remoteAddress): reads too slowly, \(writeQueue.byteCount) bytes queued; closing")
            fail(.writeQueueOverflow(queuedBytes: writeQueue.byteCount))
            return
        }
        if backPressure.queuedBytesChanged(to: writeQueue.byteCount) == .pauseReading {
            Connection.logger.debug("\(remoteAddress): \(writeQueue.byteCount) bytes queued, reading paused")
        }
        updateWatchedEvents()
    }

    /// Sends queued bytes when the socket is writable.
    func flushWhenWritable() {
        let fd = self.fd
        var failure: Int32 = 0
        let succeeded = writeQueue.drain { chunk in
            while true {
                let sent = ampwise_send(fd, chunk.baseAddress, chunk.count)
                if sent >= 0 { return sent }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return 0 }
                failure = code
                return nil
            }
        }
        guard succeeded else {
            fail(.socket(operation: "write", reason: TransportError.reason(errno: failure)))
            return
        }
        if backPressure.queuedBytesChanged(to: writeQueue.byteCount) == .resumeReading {
            Connection.logger.debug("\(remoteAddress): write queue drained, reading resumed")
        }
        if writeQueue.isEmpty && state == .closing {
            finish(error: nil)
            return
        }
        updateWatchedEvents()
    }

    /// Input while it is wanted, output while bytes are queued.
    var eventsToWatch: UInt32 {
        (wantsInput ? Connection.readingEvents : 0) | (writeQueue.isEmpty ? 0 : AMPWISE_EPOLLOUT)
    }

    func updateWatchedEvents() {
        // While a hang-up waits, the socket is out of epoll; handling it watches it again.
        guard state != .closed, !isHangUpPending else { return }
        let events = eventsToWatch
        if events != watchedEvents {
            watchedEvents = events
            loop.modify(fd, events: events)
        }
    }

    // MARK: - Closing

    /// Closes after flushing what is queued (and, under TLS, sending close_notify); aborts if the
    /// flush takes longer than `ServerOptions.closeTimeout`. Idempotent. The handler gets
    /// `connectionDidClose` after the socket is closed.
    public func close() {
        loop.assertInEventLoop()
        switch state {
        case .idle, .handshaking:
            finish(error: nil)
        case .open:
            state = .closing
            if let tls {
                tls.shutdown()
                sendTLSOutput()
                guard state == .closing else { return }
            }
            if writeQueue.isEmpty {
                finish(error: nil)
                return
            }
            updateWatchedEvents()
            timer = loop.scheduleTimer(after: closeTimeout) { [weak self] in
                self?.timer = nil
                self?.fail(.closeTimeout)
            }
        case .closing, .closed:
            return
        }
    }

    /// Closes at once, dropping anything queued. Idempotent.
    public func abort() {
        loop.assertInEventLoop()
        finish(error: nil)
    }

    func fail(_ error: TransportError) {
        guard state != .closed else { return }
        Connection.logger.debug("\(remoteAddress): \(error)")
        finish(error: error)
    }

    /// Closed from now on: nothing more is read or written, no event comes. Releasing the socket
    /// and telling the handler cost more (the kernel's TCP teardown is most of it), so they run in
    /// the loop's slices of closing work: thousands of connections closing at once then delay
    /// the others' traffic by a slice, not by all of them. (Deferred also so that a handler never
    /// sees connectionDidClose inside its own write or close.)
    func finish(error: TransportError?) {
        guard state != .closed else { return }
        state = .closed
        if let timer {
            loop.cancel(timer)
            self.timer = nil
        }
        loop.deregister(fd)
        writeQueue.removeAll()
        pendingPlaintext = []
        let discardsInput = error == nil && !hasReadEndOfStream
        loop.deferClosing { [self] in
            if discardsInput {
                discardUnreadInput()
            }
            Glibc.close(fd)
            tls = nil
            let handler = self.handler
            self.handler = nil
            handler?.connectionDidClose(self, error: error)
            registry?.remove(self)
        }
    }

    /// Closing a socket with unread input makes the kernel send a reset, which can destroy our
    /// last reply in flight (a 400 response, a close frame); reading what is there avoids it.
    /// Uses its own small buffer: the loop's read buffer may be in the handler's hands.
    private func discardUnreadInput() {
        withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 16) { buffer in
            for _ in 0..<16 where Glibc.read(fd, buffer.baseAddress, buffer.count) > 0 {}
        }
    }
}
