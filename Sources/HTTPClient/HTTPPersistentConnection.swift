import HTTP
import Transport

/// A kept-alive HTTP/1.1 connection to one server (scheme, host and port), on the event loops:
/// what a source that asks the same device every second uses, so that a read costs one request
/// and one answer, not a TCP (and TLS) connection opened and closed each time. Made by
/// `HTTPClient.persistentConnection(to:)`.
///
/// One request at a time is on the wire (others wait their turn); each has its own timeout for
/// everything, and one that runs out drops the connection. The connection is opened when a request
/// comes and none is open, kept after an answer that allows it, and closed after one that does
/// not (`Connection: close`, HTTP/1.0, a body that ends with the connection): a device that
/// closes after every answer still works, with a connection per request. Safe to share; closed
/// when released.
///
/// ```swift
/// let meter = client.persistentConnection(to: try HTTPURL("http://10.0.0.9/status"))
/// let response = try await meter.send(HTTPClientRequest(url: try HTTPURL("http://10.0.0.9/status")))
/// ```
public final class HTTPPersistentConnection: Sendable {
    public let isTLS: Bool
    public let host: String
    public let port: Int
    private let tlsProblem: String?
    private let userAgent: String
    private let keepAlive: Bool
    private let session: LoopBound<HTTPPersistentSession>

    /// `keepAlive` false: every request asks for `Connection: close` (`HTTPClient.send`, a
    /// connection for one request).
    init(
        group: EventLoopGroup, url: HTTPURL, tls: Result<ClientTLSContext, TLSConfigurationError>,
        userAgent: String, addressCache: AddressCache?, keepAlive: Bool = true
    ) {
        isTLS = url.isTLS
        host = url.host
        port = url.port
        self.userAgent = userAgent
        self.keepAlive = keepAlive
        var context: ClientTLSContext?
        var problem: String?
        if url.isTLS {
            switch tls {
            case .success(let made): context = made
            case .failure(let error): problem = "\(error)"
            }
        }
        tlsProblem = problem
        let loop = group.next()
        session = LoopBound(
            HTTPPersistentSession(
                loop: loop, group: group, host: url.host, port: url.port, tls: context, addressCache: addressCache),
            loop: loop)
    }

    /// The event loop that owns the connection: its I/O and the parsing of its answers run there.
    /// A task that prefers it (`EventLoopTaskExecutor`) sends and gets its answer without a thread
    /// hop.
    public var loop: EventLoop { session.loop }

    deinit {
        let session = self.session
        session.loop.execute { session.value.close() }
    }

    /// Sends `request` (to this connection's server) once those before it are answered, and
    /// returns the complete response, whatever its status. Throws when there is none: no
    /// connection, TLS failure, timeout, a malformed or too large response, a URL of another
    /// server.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPResponse {
        try await send(prepare(request))
    }

    /// `request` as this connection sends it, built once: for a request sent again and again.
    /// Throws when it cannot be sent here (a URL of another server, a header that cannot be sent).
    public func prepare(_ request: HTTPClientRequest) throws(HTTPClientError) -> HTTPPreparedRequest {
        guard request.url.isTLS == isTLS, request.url.host == host, request.url.port == port else {
            throw .invalidURL(request.url.description, reason: "not the server of this connection")
        }
        return HTTPPreparedRequest(
            bytes: try request.bytes(userAgent: userAgent, keepAlive: keepAlive), timeout: request.timeout,
            maximumResponseBytes: request.maximumResponseBytes, isResponseToHEAD: request.method == "HEAD",
            isIdempotent: request.method == "GET" || request.method == "HEAD")
    }

    /// Sends a request made by `prepare(_:)` on this connection, as `send(_:)` does.
    public func send(_ request: HTTPPreparedRequest) async throws(HTTPClientError) -> HTTPResponse {
        if let tlsProblem { throw .tlsUnavailable(reason: tlsProblem) }
        let parser = HTTPResponseParser(
            maxBodyBytes: request.maximumResponseBytes, isResponseToHEAD: request.isResponseToHEAD)
        let outcome = ResultSlot<HTTPResponse, HTTPClientError>()
        let session = self.session
        // On the connection's loop (a task that prefers it) the exchange starts at once.
        session.loop.runOnLoop {
            session.value.send(
                HTTPPersistentSession.Exchange(
                    request: request.bytes, parser: parser, timeout: request.timeout,
                    isIdempotent: request.isIdempotent, complete: { outcome.fill($0) }))
        }
        return try await outcome.value(onCancel: .cancelled).get()
    }
}
