/// Why a response from a server could not be read (the HTTP client's side of `HTTPParseError`).
public enum HTTPResponseParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status line and header fields exceed the parser's `maxHeaderBytes`.
    case headerSectionTooLarge(limit: Int)
    /// The body (declared or received) exceeds the parser's `maxBodyBytes`.
    case bodyTooLarge(limit: Int)
    /// The response breaks the HTTP/1.1 syntax; the text says where.
    case malformed(String)
    /// The server closed the connection before the response was complete.
    case truncated

    public var description: String {
        switch self {
        case .headerSectionTooLarge(let limit): "response header section exceeds \(limit) bytes"
        case .bodyTooLarge(let limit): "response body exceeds \(limit) bytes"
        case .malformed(let reason): "malformed response: \(reason)"
        case .truncated: "the server closed the connection before the response was complete"
        }
    }
}
