import HTTP
import JSON
import Logging
import Synchronization
import Transport

/// One `GET /api/events` stream on one connection (docs/api.md): the whole state or what the
/// client missed, then every event as the hub publishes it, and a comment line every
/// `eventKeepAlive` seconds so that proxies and the browser keep the connection.
///
/// A client that reads more slowly than events come is dropped once `maxEventStreamQueuedBytes` wait
/// unsent: its `EventSource` reconnects and catches up, and the server's memory stays bounded.
///
/// Loop-confined like its `APIConnectionHandler`: every method runs on the connection's loop, and
/// the hub's deliveries and the snapshot task hop onto it with `loop.execute`. That confinement is
/// what makes the `@unchecked Sendable` safe.
final class APIEventStream: @unchecked Sendable {
    private let connection: Connection
    private let loop: EventLoop
    private let source: EventStreamSource
    private let limits: APIServerLimits
    private let logger = Logger(label: "api")
    private var token: Int?
    /// Bursts that came while the snapshot was being built; written after it.
    private var held: [LiveEventBatch]? = []
    private var keepAlive: TimerHandle?
    private var ended = false
    /// Bursts the hub handed over that the loop has not taken yet: however many come before the
    /// loop gets to them cost one hop onto it (with 100 streams open, a hop per event and stream
    /// held S3's chargers back: BENCHMARKS.md, "Dashboard").
    private let inbox = Mutex<[LiveEventBatch]>([])

    init(connection: Connection, source: EventStreamSource, limits: APIServerLimits) {
        self.connection = connection
        self.loop = connection.loop
        self.source = source
        self.limits = limits
    }

    /// The response head: no length, no caching, the stream's type.
    static let head = HTTPResponse(
        status: .ok,
        headers: HTTPHeaders([
            ("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store"),
            ("X-Accel-Buffering", "no"),
        ]))

    /// The head as written: `HTTPResponse.bytes()` would add a `Content-Length: 0`.
    static func headBytes(_ response: HTTPResponse) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for field in response.headers where field.name.lowercased() != "content-length" {
            text += "\(field.name): \(field.value)\r\n"
        }
        return Array((text + "\r\n").utf8)
    }

    /// Subscribes, then writes the catch-up or the whole state.
    func begin(lastEventId: String?) {
        let loop = loop
        let (token, start) = source.events.subscribe(lastEventId: lastEventId) { [weak self] batch in
            guard let stream = self else { return }
            let first = stream.inbox.withLock { inbox in
                defer { inbox.append(batch) }
                return inbox.isEmpty
            }
            guard first else { return }
            loop.execute {
                let taken = stream.inbox.withLock { inbox in
                    defer { inbox = [] }
                    return inbox
                }
                stream.deliver(taken)
            }
        }
        self.token = token
        // How long the browser waits before reconnecting (ms).
        connection.write(Array("retry: 2000\n\n".utf8))
        armKeepAlive()
        switch start {
        case .resume(let missed):
            let held = self.held ?? []
            self.held = nil
            write((missed.isEmpty ? [] : [LiveEventBatch(missed)]) + held)
        case .snapshot:
            let snapshot = source.snapshot
            Task { [self] in
                let state = await snapshot()
                loop.execute { self.finishSnapshot(state) }
            }
        }
    }

    /// Stops receiving events (the connection closed).
    func end() {
        ended = true
        if let token { source.events.unsubscribe(token) }
        token = nil
        if let keepAlive { loop.cancel(keepAlive) }
        keepAlive = nil
    }

    private func finishSnapshot(_ state: [(name: String, data: JSONValue)]) {
        guard !ended else { return }
        var text = ""
        for (name, data) in state {
            text += "event: \(name)\ndata: \(String(decoding: JSONWriter.bytes(data), as: UTF8.self))\n\n"
        }
        connection.write(Array(text.utf8))
        let held = self.held ?? []
        self.held = nil
        write(held)
    }

    private func deliver(_ batches: [LiveEventBatch]) {
        guard !ended else { return }
        if held != nil {
            held?.append(contentsOf: batches)
            return
        }
        write(batches)
    }

    /// Writes each burst's bytes as the hub encoded them: no copy per stream.
    private func write(_ batches: [LiveEventBatch]) {
        guard !ended, !batches.isEmpty else { return }
        guard connection.queuedByteCount <= limits.maxEventStreamQueuedBytes else {
            logger.info(
                "\(connection.remoteAddress): event stream dropped: \(connection.queuedByteCount) bytes unread")
            source.events.noteDroppedStream()
            end()
            connection.close()
            return
        }
        for batch in batches { connection.write(batch.wire) }
    }

    private func armKeepAlive() {
        keepAlive = loop.scheduleTimer(after: limits.eventKeepAlive) { [weak self] in
            guard let self, !self.ended else { return }
            self.connection.write(Array(": keep-alive\n\n".utf8))
            self.armKeepAlive()
        }
    }
}
