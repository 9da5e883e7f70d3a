import Central
import Foundation

/// Serves HTTP/1.1 requests on one connection: parses them (the same parser as the chargers'
/// upgrade), hands each to the router on a task, and writes the responses in request order.
///
/// Loop-confined like `Connection`; responses computed on other threads hop back to the loop.
final class HTTPServerHandler: ConnectionHandler, @unchecked Sendable {
    private let connection: Connection
    private let router: APIRouter
    private var parser: HTTPRequestParser
    private let logger = Logger(label: "api")
    /// Responses wait here until every earlier request on the connection has been answered.
    private var nextToSend = 0
    private var nextToAssign = 0
    private var ready: [Int: (HTTPResponse, keepAlive: Bool)] = [:]
    private var closing = false

    init(connection: Connection, router: APIRouter) {
        self.connection = connection
        self.router = router
        self.parser = HTTPRequestParser(maxHeaderBytes: 16 * 1024, maxBodyBytes: 1 << 20)
    }

    func connectionDidOpen(_ connection: Connection) {}

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        guard !closing else { return }
        parser.append(bytes)
        while !closing {
            let request: HTTPRequest
            do {
                guard let next = try parser.next() else { return }
                request = next
            } catch {
                enqueue(APIError(status: error.status, message: error.message).response, keepAlive: false,
                        sequence: assignSequence())
                return
            }
            let sequence = assignSequence()
            let router = router
            let loop = connection.loop
            Task {
                let response = await router.respond(to: request)
                loop.execute { [weak self] in
                    self?.enqueue(response, keepAlive: request.keepAlive, sequence: sequence)
                }
            }
        }
    }

    private func assignSequence() -> Int {
        defer { nextToAssign += 1 }
        return nextToAssign
    }

    private func enqueue(_ response: HTTPResponse, keepAlive: Bool, sequence: Int) {
        ready[sequence] = (response, keepAlive)
        while let (response, keepAlive) = ready.removeValue(forKey: nextToSend) {
            nextToSend += 1
            var response = response
            if !keepAlive { response.headers.replaceOrAdd(name: "Connection", value: "close") }
            connection.write(response.bytes())
            if !keepAlive {
                closing = true
                connection.close()
                return
            }
        }
    }

    func connectionDidClose(_ connection: Connection) {
        closing = true
        ready.removeAll()
    }
}
