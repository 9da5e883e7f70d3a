import HTTP
import Transport

/// An HTTP/1.1 client on the event loops: `GET` and `POST` to `http://` and `https://` URLs,
/// async, never blocking a thread. `send` opens a connection per request (`Connection: close`):
/// right for what is asked now and then (tariffs, the command line). What is asked of the same
/// server every few seconds (a source's device) goes through a `persistentConnection(to:)`,
/// which keeps its connection open between requests. Safe to share.
///
/// ```swift
/// let client = HTTPClient(group: group)
/// let response = try await client.send(HTTPClientRequest(url: try HTTPURL("http://10.0.0.7/status")))
/// ```
public final class HTTPClient: Sendable {
    public let group: EventLoopGroup
    private let tls: Result<ClientTLSContext, TLSConfigurationError>
    private let userAgent: String
    private let addressCache: AddressCache?

    /// `tls`: how HTTPS servers are verified; by default against the system's CA store.
    /// `addressCache`: where resolved host names are kept (none: every connection resolves).
    public init(
        group: EventLoopGroup, tls: ClientTLSContext? = nil, userAgent: String = "ampwise",
        addressCache: AddressCache? = nil
    ) {
        self.group = group
        self.userAgent = userAgent
        self.addressCache = addressCache
        if let tls {
            self.tls = .success(tls)
        } else {
            self.tls = Result { () throws(TLSConfigurationError) in try ClientTLSContext() }
        }
    }

    /// Sends `request` and returns the complete response, whatever its status. Throws when there
    /// is none: no connection, TLS failure, timeout, a malformed or too large response.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPResponse {
        // A connection of its own, closed after the answer (and when released, whatever happened).
        let connection = HTTPPersistentConnection(
            group: group, url: request.url, tls: tls, userAgent: userAgent, addressCache: addressCache,
            keepAlive: false)
        return try await connection.send(request)
    }

    /// A connection to `url`'s server (scheme, host, port) kept open between requests, verified
    /// as this client verifies HTTPS servers; it opens on its first request.
    public func persistentConnection(to url: HTTPURL) -> HTTPPersistentConnection {
        HTTPPersistentConnection(group: group, url: url, tls: tls, userAgent: userAgent, addressCache: addressCache)
    }

    /// `GET url` with `headers`.
    public func get(
        _ url: HTTPURL, headers: HTTPHeaders = HTTPHeaders(), timeout: Double = 10,
        maximumResponseBytes: Int = 1024 * 1024
    ) async throws(HTTPClientError) -> HTTPResponse {
        try await send(
            HTTPClientRequest(
                url: url, headers: headers, timeout: timeout, maximumResponseBytes: maximumResponseBytes))
    }

    /// `POST url` with `body` and `headers` (say the body's `Content-Type` there).
    public func post(
        _ url: HTTPURL, body: [UInt8], headers: HTTPHeaders = HTTPHeaders(), timeout: Double = 10,
        maximumResponseBytes: Int = 1024 * 1024
    ) async throws(HTTPClientError) -> HTTPResponse {
        try await send(
            HTTPClientRequest(
                method: "POST", url: url, headers: headers, body: body, timeout: timeout,
                maximumResponseBytes: maximumResponseBytes))
    }
}
