import HTTP
import Transport

/// An HTTP/1.1 client on the event loops: `GET` and `POST` to `http://` and `https://` URLs,
/// async, never blocking a thread. Each request opens its own connection (`Connection: close`):
/// the sources poll every few seconds, where a kept-alive connection would save little and add
/// the states of a half-dead one. Safe to share.
///
/// ```swift
/// let client = HTTPClient(group: group)
/// let response = try await client.send(HTTPClientRequest(url: try HTTPURL("http://10.0.0.7/status")))
/// ```
public final class HTTPClient: Sendable {
    public let group: EventLoopGroup
    private let tls: Result<ClientTLSContext, TLSConfigurationError>
    private let userAgent: String

    /// `tls`: how HTTPS servers are verified; by default against the system's CA store.
    public init(group: EventLoopGroup, tls: ClientTLSContext? = nil, userAgent: String = "ampwise") {
        self.group = group
        self.userAgent = userAgent
        if let tls {
            self.tls = .success(tls)
        } else {
            self.tls = Result { () throws(TLSConfigurationError) in try ClientTLSContext() }
        }
    }

    /// Sends `request` and returns the complete response, whatever its status. Throws when there
    /// is none: no connection, TLS failure, timeout, a malformed or too large response.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPResponse {
        let bytes = try request.bytes(userAgent: userAgent)
        var context: ClientTLSContext?
        if request.url.isTLS {
            switch tls {
            case .success(let made): context = made
            case .failure(let error): throw .tlsUnavailable(reason: "\(error)")
            }
        }
        let outcome = HTTPExchangeOutcome()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                outcome.wait(with: continuation)
                let parser = HTTPResponseParser(
                    maxBodyBytes: request.maximumResponseBytes, isResponseToHEAD: request.method == "HEAD")
                group.connect(
                    host: request.url.host, port: request.url.port, tls: context, timeout: request.timeout
                ) { loop in
                    HTTPExchange(
                        loop: loop, request: bytes, parser: parser, timeout: request.timeout, outcome: outcome)
                }
            }
        } onCancel: {
            outcome.finish(.failure(.cancelled))
        }
        return try result.get()
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
