import HTTP
import Transport

/// Why a request got no response; `description` is the one-line reason a source's status and
/// log show (`GET http://10.0.0.7/x: connecting to 10.0.0.7:80 timed out`).
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL cannot be used; `reason` says why.
    case invalidURL(String, reason: String)
    /// A header name or value that cannot be sent (a line break, a character outside a token).
    case invalidHeader(name: String)
    /// No connection (resolution, refused, unreachable), TLS failed, or the connection broke.
    case transport(TransportError)
    /// No complete response within the request's timeout.
    case timedOut(seconds: Double)
    /// The response could not be read, or was larger than allowed.
    case response(HTTPResponseParseError)
    /// HTTPS was asked for but no TLS context could be made; `reason` says why.
    case tlsUnavailable(reason: String)
    /// The task waiting for the response was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "invalid URL \(url): \(reason)"
        case .invalidHeader(let name): "invalid header \(name)"
        case .transport(let error): "\(error)"
        case .timedOut(let seconds):
            "no response within \(seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)) s"
        case .response(let error): "\(error)"
        case .tlsUnavailable(let reason): "TLS unavailable: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}
