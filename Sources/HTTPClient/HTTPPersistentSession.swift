import HTTP
import Transport

/// The connection of one `HTTPPersistentConnection`, on one loop: opens it when a request comes
/// and none is open, sends one request at a time (no pipelining), keeps the connection after a
/// response that allows it and closes it after one that does not, so the next request opens a
/// fresh one. Loop-confined.
///
/// A request has one timeout for everything (connect, send, the whole answer); when it runs out
/// the connection is aborted, so a device that hangs holds nothing afterwards and a late answer
/// cannot be taken for the next request's. A server may close a kept connection just as a request
/// goes out on it (RFC 9112 §9.3.1): an idempotent request (GET, HEAD) that got not one byte of an
/// answer on a reused connection is sent once more on a new one, within its timeout.
final class HTTPPersistentSession: AttemptedConnectionSession {
    private let loop: EventLoop
    private let group: EventLoopGroup
    private let host: String
    private let port: Int
    private let tls: ClientTLSContext?
    private let addressCache: AddressCache?
    private var state = State.idle
    private var attempt = 0
    /// Requests not sent yet, in order.
    private var waiting: [Exchange] = []
    /// The request sent on the open connection, waiting for its answer.
    private var current: Exchange?

    private enum State {
        case idle
        case connecting(attempt: Int)
        /// `answered`: responses this connection carried, so whether the next request reuses it.
        case open(Connection, attempt: Int, answered: Int)
    }

    final class Exchange {
        let request: [UInt8]
        var parser: HTTPResponseParser
        let timeout: Double
        let isIdempotent: Bool
        let complete: (Result<HTTPResponse, HTTPClientError>) -> Void
        var timer: TimerHandle?
        var sentOnReusedConnection = false
        var receivedAnything = false
        var isRetry = false

        init(
            request: [UInt8], parser: HTTPResponseParser, timeout: Double, isIdempotent: Bool,
            complete: @escaping (Result<HTTPResponse, HTTPClientError>) -> Void
        ) {
            self.request = request
            self.parser = parser
            self.timeout = timeout
            self.isIdempotent = isIdempotent
            self.complete = complete
        }
    }

    init(
        loop: EventLoop, group: EventLoopGroup, host: String, port: Int, tls: ClientTLSContext?,
        addressCache: AddressCache?
    ) {
        self.loop = loop
        self.group = group
        self.host = host
        self.port = port
        self.tls = tls
        self.addressCache = addressCache
    }

    /// Sends `exchange`'s request after those before it; its `complete` gets the response or why
    /// there is none, on the loop.
    func send(_ exchange: Exchange) {
        loop.assertInEventLoop()
        exchange.timer = loop.scheduleTimer(after: exchange.timeout) { [self] in
            timedOut(exchange)
        }
        waiting.append(exchange)
        sendNext()
    }

    /// Closes the connection and fails what is pending (the connection's owner is going away).
    func close() {
        dropConnection()
        failAll(with: .cancelled)
    }

    private func sendNext() {
        guard current == nil, let next = waiting.first else { return }
        switch state {
        case .idle:
            connect(timeout: next.timeout)
        case .connecting:
            break
        case .open(let connection, _, let answered):
            waiting.removeFirst()
            current = next
            next.sentOnReusedConnection = answered > 0
            connection.write(next.request)
        }
    }

    private func connect(timeout: Double) {
        attempt += 1
        let current = attempt
        state = .connecting(attempt: current)
        let bound = LoopBound(self, loop: loop)
        group.connect(host: host, port: port, tls: tls, timeout: timeout, addresses: addressCache, on: loop) { _ in
            AttemptConnectionHandler(session: bound.value, attempt: current)
        }
    }

    func connectionDidOpen(_ connection: Connection, attempt: Int) {
        guard case .connecting(let connecting) = state, connecting == attempt else {
            connection.abort()
            return
        }
        state = .open(connection, attempt: attempt, answered: 0)
        sendNext()
    }

    func connectionDidReceive(_ bytes: UnsafeRawBufferPointer, attempt: Int) {
        guard case .open(let connection, let open, let answered) = state, open == attempt else { return }
        guard let exchange = current else {
            // Nothing was asked: a server that talks out of turn is out of step with us.
            dropConnection()
            return
        }
        exchange.receivedAnything = true
        exchange.parser.append(bytes)
        let response: HTTPResponse
        do {
            guard let complete = try exchange.parser.next() else { return }
            response = complete
        } catch {
            current = nil
            dropConnection()
            finish(exchange, .failure(.response(error)))
            sendNext()
            return
        }
        current = nil
        if exchange.parser.connectionReusable {
            state = .open(connection, attempt: open, answered: answered + 1)
        } else {
            // `Connection: close`, HTTP/1.0, or a body read until the close: a new one next time.
            state = .idle
            connection.close()
        }
        finish(exchange, .success(response))
        sendNext()
    }

    /// The connection closed (`error` nil: the server closed it cleanly), or could not be made or
    /// secured (TLS).
    func connectionDidEnd(attempt: Int, error: TransportError?) {
        switch state {
        case .connecting(let connecting) where connecting == attempt:
            state = .idle
            // No connection: every request waiting for it fails with the reason. A connect
            // timeout equal to the request's is reported as the request's timeout.
            if case .connectTimeout? = error, let first = waiting.first {
                failAll(with: .timedOut(seconds: first.timeout))
            } else {
                failAll(with: .transport(error ?? .loopShutdown))
            }
            return
        case .open(_, let open, _) where open == attempt:
            state = .idle
        default:
            return
        }
        guard let exchange = current else { return }
        current = nil
        if exchange.sentOnReusedConnection, !exchange.receivedAnything, exchange.isIdempotent, !exchange.isRetry {
            // The server closed the kept connection as the request went out: once more, afresh.
            exchange.isRetry = true
            waiting.insert(exchange, at: 0)
            sendNext()
            return
        }
        if let error {
            finish(exchange, .failure(.transport(error)))
        } else {
            do {
                finish(exchange, .success(try exchange.parser.endOfStream()))
            } catch {
                finish(exchange, .failure(.response(error)))
            }
        }
        sendNext()
    }

    private func timedOut(_ exchange: Exchange) {
        exchange.timer = nil
        if let index = waiting.firstIndex(where: { $0 === exchange }) {
            waiting.remove(at: index)
            finish(exchange, .failure(.timedOut(seconds: exchange.timeout)))
            if waiting.isEmpty, current == nil, case .connecting = state {
                // Nobody waits for this connection any more: give it up.
                state = .idle
            }
            return
        }
        guard current === exchange else { return }
        current = nil
        // A device that did not answer may answer late and put the stream out of step.
        dropConnection()
        finish(exchange, .failure(.timedOut(seconds: exchange.timeout)))
        sendNext()
    }

    private func finish(_ exchange: Exchange, _ result: Result<HTTPResponse, HTTPClientError>) {
        if let timer = exchange.timer {
            loop.cancel(timer)
            exchange.timer = nil
        }
        exchange.complete(result)
    }

    private func dropConnection() {
        let dropped = state
        state = .idle
        if case .open(let connection, _, _) = dropped { connection.abort() }
    }

    private func failAll(with error: HTTPClientError) {
        let pending = (current.map { [$0] } ?? []) + waiting
        current = nil
        waiting = []
        for exchange in pending { finish(exchange, .failure(error)) }
    }
}
