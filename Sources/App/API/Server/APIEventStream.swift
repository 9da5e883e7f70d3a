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
    /// Events that came while the snapshot was being built; written after it.
    private var held: [LiveEvent]? = []
    private var keepAlive: TimerHandle?
    private var ended = false
    /// Events the hub handed over that the loop has not taken yet: a burst of events costs one hop
    /// onto the loop and one write, not one of each per event (with 100 streams open, a hop per
    /// event and stream held S3's chargers back: BENCHMARKS.md, "Dashboard").
    private let inbox = Mutex<[LiveEvent]>([])

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
        let (token, start) = source.events.subscribe(lastEventId: lastEventId) { [weak self] events in
            guard let stream = self else { return }
            let first = stream.inbox.withLock { inbox in
                defer { inbox.append(contentsOf: events) }
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
            write(missed + held)
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

    private func deliver(_ events: [LiveEvent]) {
        guard !ended else { return }
        if held != nil {
            held?.append(contentsOf: events)
            return
        }
        write(events)
    }

    private func write(_ events: [LiveEvent]) {
        guard !ended, !events.isEmpty else { return }
        guard connection.queuedByteCount <= limits.maxEventStreamQueuedBytes else {
            logger.info(
                "\(connection.remoteAddress): event stream dropped: \(connection.queuedByteCount) bytes unread")
            source.events.noteDroppedStream()
            end()
            connection.close()
            return
        }
        if events.count == 1 {
            connection.write(events[0].wire)
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(events.reduce(0) { $0 + $1.wire.count })
            for event in events { bytes += event.wire }
            connection.write(bytes)
        }
    }

    private func armKeepAlive() {
        keepAlive = loop.scheduleTimer(after: limits.eventKeepAlive) { [weak self] in
            guard let self, !self.ended else { return }
            self.connection.write(Array(": keep-alive\n\n".utf8))
            self.armKeepAlive()
        }
    }
}
