import Foundation
import HTTP
import Logging
import Transport

/// Serves HTTP/1.1 on one connection: parses requests with the central system's parser, hands
/// each to the router in its own task (handlers await chargers and the store), and writes the
/// answers back on the connection's loop in request order, so pipelined requests get their
/// responses in the order they were sent.
///
/// Loop-confined like `Connection`: every method runs on the connection's loop, and the tasks
/// hop back with `loop.execute` before touching any state. That confinement is what makes the
/// `@unchecked Sendable` safe (the tasks only carry `self` across to call back on the loop).
final class APIConnectionHandler: ConnectionHandler, @unchecked Sendable {
    private struct Answer {
        var response: HTTPResponse
        var keepAlive: Bool
        var summary: String
        /// Set for `GET /api/events`: once the head is written, the connection carries the stream.
        var stream: (source: EventStreamSource, lastEventId: String?)? = nil
    }

    private let connection: Connection
    private let loop: EventLoop
    private let router: APIRouter
    private let limits: APIServerLimits
    private let logger = Logger(label: "api")
    private var parser: HTTPRequestParser
    /// Sequence number of the next answer to write; answers that arrive early wait in `ready`.
    private var nextToSend = 0
    private var nextToAssign = 0
    private var ready: [Int: Answer] = [:]
    /// False once a request asked to close, or the parser lost the framing: nothing more is read.
    private var acceptsRequests = true
    private var isClosed = false
    private var idleTimer: TimerHandle?
    /// The sequence number of the last request answered with `100 Continue`.
    private var continuedSequence = -1
    /// The event stream this connection carries, once it does.
    private var stream: APIEventStream?

    init(connection: Connection, router: APIRouter, limits: APIServerLimits) {
        self.connection = connection
        self.loop = connection.loop
        self.router = router
        self.limits = limits
        self.parser = HTTPRequestParser(maxHeaderBytes: limits.maxHeaderBytes, maxBodyBytes: limits.maxBodyBytes)
    }

    private var inFlight: Int { nextToAssign - nextToSend }

    func connectionDidOpen(_ connection: Connection) {
        armIdleTimer()
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        guard acceptsRequests, !isClosed else { return }
        disarmIdleTimer()
        parser.append(bytes)
        takeRequests()
        if inFlight == 0 { armIdleTimer() }
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        isClosed = true
        disarmIdleTimer()
        ready.removeAll()
        stream?.end()
        stream = nil
    }

    /// Starts every complete request in the buffer, up to `maxPipelinedRequests` at once.
    private func takeRequests() {
        while acceptsRequests, !isClosed, inFlight < limits.maxPipelinedRequests {
            let request: HTTPRequest
            do {
                guard let next = try parser.next() else {
                    continueIfExpected()
                    return
                }
                request = next
            } catch {
                // The stream has lost its framing: answer after the earlier requests, then close.
                acceptsRequests = false
                logger.info("\(connection.remoteAddress): bad request: \(error.message)")
                let answer = Answer(
                    response: APIError(status: error.status, message: error.message).response, keepAlive: false,
                    summary: "unparsable request")
                complete(sequence: assignSequence(), with: answer)
                return
            }
            if !request.keepAlive { acceptsRequests = false }
            start(request)
        }
    }

    /// Answers `Expect: 100-continue` once the head of a request with a body is in, so that the
    /// client (curl, for bodies over 1 KiB) sends the body at once instead of after a pause.
    /// Only when no earlier answer is pending: interim responses go out in order too.
    private func continueIfExpected() {
        guard inFlight == 0, continuedSequence != nextToAssign, let head = parser.headAwaitingBody,
            head.version == .http11, head.headers.containsToken("100-continue", in: "Expect")
        else { return }
        continuedSequence = nextToAssign
        connection.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    private func start(_ request: HTTPRequest) {
        let sequence = assignSequence()
        let router = router
        let loop = loop
        // The task keeps the handler until the answer is back on the loop; `complete` drops it
        // when the connection closed meanwhile.
        Task { [self] in
            let started = ContinuousClock.now
            if let admission = router.eventStreamAdmission(request) {
                let answer: Answer
                switch admission {
                case .refused(let response):
                    answer = Answer(
                        response: response, keepAlive: request.keepAlive,
                        summary: "GET \(APIRouter.loggable(request.target)) \(response.status.code)")
                case .accepted(let source, let lastEventId):
                    answer = Answer(
                        response: APIEventStream.head, keepAlive: false,
                        summary: "GET \(APIRouter.loggable(request.target)) 200 (event stream)",
                        stream: (source, lastEventId))
                }
                loop.execute { self.complete(sequence: sequence, with: answer) }
                return
            }
            var response = await router.respond(to: request)
            if request.method == "HEAD" {
                response.headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                response.body = []
            }
            if request.version == .http10 && request.keepAlive {
                response.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
            }
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            let summary =
                "\(request.method) \(APIRouter.loggable(request.target)) \(response.status.code) "
                + "(\(String(format: "%.1f", milliseconds)) ms)"
            let answer = Answer(response: response, keepAlive: request.keepAlive, summary: summary)
            loop.execute { self.complete(sequence: sequence, with: answer) }
        }
    }

    private func assignSequence() -> Int {
        defer { nextToAssign += 1 }
        return nextToAssign
    }

    /// Writes every answer whose turn has come; closes after one that does not keep the
    /// connection alive.
    private func complete(sequence: Int, with answer: Answer) {
        // Once the connection carries an event stream, answers to requests pipelined after it are
        // dropped: the stream is the last response on the connection.
        guard !isClosed, stream == nil else { return }
        ready[sequence] = answer
        while let next = ready.removeValue(forKey: nextToSend) {
            nextToSend += 1
            var response = next.response
            if !next.keepAlive { response.headers.replaceOrAdd(name: "Connection", value: "close") }
            logger.debug("\(connection.remoteAddress) \(next.summary)")
            if let (source, lastEventId) = next.stream {
                // The head without a length: the body is the stream, until either side closes.
                connection.write(APIEventStream.headBytes(response))
                acceptsRequests = false
                ready.removeAll()
                disarmIdleTimer()
                let stream = APIEventStream(connection: connection, source: source, limits: limits)
                self.stream = stream
                stream.begin(lastEventId: lastEventId)
                return
            }
            connection.write(response.bytes())
            if !next.keepAlive {
                isClosed = true
                ready.removeAll()
                disarmIdleTimer()
                connection.close()
                return
            }
        }
        // Requests held back by the pipelining bound may start now.
        takeRequests()
        if inFlight == 0 && stream == nil { armIdleTimer() }
    }

    private func armIdleTimer() {
        disarmIdleTimer()
        guard !isClosed, stream == nil else { return }
        idleTimer = loop.scheduleTimer(after: limits.idleTimeout) { [weak self] in
            guard let self, !self.isClosed, self.inFlight == 0 else { return }
            self.idleTimer = nil
            self.isClosed = true
            self.connection.close()
        }
    }

    private func disarmIdleTimer() {
        if let idleTimer { loop.cancel(idleTimer) }
        idleTimer = nil
    }
}
