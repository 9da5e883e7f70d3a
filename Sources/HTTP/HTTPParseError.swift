/// Why a request could not be parsed. Each case maps to the status the server answers with before it
/// closes the connection.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// The request line and header fields exceed the parser's `maxHeaderBytes` (431).
    case headerSectionTooLarge(limit: Int)
    /// `Content-Length` exceeds the parser's `maxBodyBytes` (413).
    case bodyTooLarge(declared: Int, limit: Int)
    /// The request breaks the HTTP/1.1 syntax (400); the text says where.
    case malformed(String)
    /// A syntactically valid version other than HTTP/1.0 and HTTP/1.1 (505).
    case unsupportedVersion(String)
    /// `Transfer-Encoding` was sent: Ampwise reads bodies by `Content-Length` only (501).
    case transferEncodingNotImplemented(String)

    /// The status that answers this error.
    public var status: HTTPStatus {
        switch self {
        case .headerSectionTooLarge: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .malformed: .badRequest
        case .unsupportedVersion: .httpVersionNotSupported
        case .transferEncodingNotImplemented: .notImplemented
        }
    }

    /// A one-line explanation for logs and response bodies.
    public var message: String {
        switch self {
        case .headerSectionTooLarge(let limit): "request header section exceeds \(limit) bytes"
        case .bodyTooLarge(let declared, let limit): "request body of \(declared) bytes exceeds \(limit) bytes"
        case .malformed(let reason): "malformed request: \(reason)"
        case .unsupportedVersion(let version): "unsupported HTTP version \(version)"
        case .transferEncodingNotImplemented(let coding):
            "Transfer-Encoding \(coding) is not supported; send a Content-Length body"
        }
    }

    /// The complete response for this error, with `Connection: close`: the connection cannot be reused
    /// because the parser no longer knows where the next request starts.
    public var response: HTTPResponse {
        var response = HTTPResponse.text(message + "\n", status: status)
        response.headers.add(name: "Connection", value: "close")
        return response
    }
}
