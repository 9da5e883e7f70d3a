import HTTP
import Transport

/// One request and its response on one outgoing connection, on its loop: writes the request once
/// open, parses what arrives, and ends at the first of the complete response, a failure or the
/// timeout (which closes the connection, so a hanging server holds nothing longer).
final class HTTPExchange: ClientConnectionHandler {
    private let loop: EventLoop
    private let request: [UInt8]
    private var parser: HTTPResponseParser
    private let timeout: Double
    private let outcome: HTTPExchangeOutcome
    private var connection: Connection?
    private var timer: TimerHandle?

    init(loop: EventLoop, request: [UInt8], parser: HTTPResponseParser, timeout: Double, outcome: HTTPExchangeOutcome) {
        self.loop = loop
        self.request = request
        self.parser = parser
        self.timeout = timeout
        self.outcome = outcome
        timer = loop.scheduleTimer(after: timeout) { [self] in
            timer = nil
            finish(.failure(.timedOut(seconds: timeout)))
        }
    }

    func connectionDidOpen(_ connection: Connection) {
        self.connection = connection
        guard !outcome.isFinished else {
            // Cancelled while connecting.
            finish(.failure(.cancelled))
            return
        }
        connection.write(request)
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        parser.append(bytes)
        do {
            if let response = try parser.next() { finish(.success(response)) }
        } catch {
            finish(.failure(.response(error)))
        }
    }

    func connectionDidClose(_ connection: Connection, error: TransportError?) {
        self.connection = nil
        if let error {
            finish(.failure(.transport(error)))
            return
        }
        do {
            finish(.success(try parser.endOfStream()))
        } catch {
            finish(.failure(.response(error)))
        }
    }

    func connectionDidFail(_ error: TransportError) {
        // A connect timeout equal to ours: report it as the request's timeout, whichever fired.
        if case .connectTimeout = error {
            finish(.failure(.timedOut(seconds: timeout)))
        } else {
            finish(.failure(.transport(error)))
        }
    }

    private func finish(_ result: Result<HTTPResponse, HTTPClientError>) {
        if let timer {
            loop.cancel(timer)
            self.timer = nil
        }
        outcome.finish(result)
        if let connection {
            self.connection = nil
            // The response is complete (or abandoned): nothing more to send or to wait for.
            connection.close()
        }
    }
}
