import Glibc

/// Why a server could not start, or why a connection ended other than by a clean close.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Binding or listening failed: `cannot listen on 0.0.0.0:9000: address already in use`.
    case cannotListen(host: String, port: Int, reason: String)
    /// A socket call failed with errno (`connection reset by peer`).
    case socket(operation: String, reason: String)
    /// The peer sent a TLS alert or malformed TLS; the reason is OpenSSL's.
    case tls(reason: String)
    /// The TLS handshake did not complete in time.
    case tlsHandshakeTimeout
    /// The peer read so slowly that the write queue passed its hard limit.
    case writeQueueOverflow(queuedBytes: Int)
    /// `close()` could not flush the write queue before its timeout.
    case closeTimeout
    /// The event loop stopped while the connection was open.
    case loopShutdown
    /// An outgoing connection could not be made: the name did not resolve, or every address
    /// refused or was unreachable (`cannot connect to meter.local:502: connection refused`).
    case cannotConnect(host: String, port: Int, reason: String)
    /// An outgoing connection was not made within its timeout.
    case connectTimeout(host: String, port: Int)

    /// The one-line message for the log and the terminal.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(TransportError.address(host, port)): \(reason)"
        case .socket(let operation, let reason): return "\(operation) failed: \(reason)"
        case .tls(let reason): return "TLS error: \(reason)"
        case .tlsHandshakeTimeout: return "TLS handshake timed out"
        case .writeQueueOverflow(let queuedBytes):
            return "peer too slow: \(queuedBytes) bytes queued for writing, closing"
        case .closeTimeout: return "could not flush before closing"
        case .loopShutdown: return "event loop shut down"
        case .cannotConnect(let host, let port, let reason):
            return "cannot connect to \(TransportError.address(host, port)): \(reason)"
        case .connectTimeout(let host, let port):
            return "connecting to \(TransportError.address(host, port)) timed out"
        }
    }

    /// `host:port`, the host in brackets when it is an IPv6 address.
    static func address(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The lower-case system message for an errno value: "address already in use".
    static func reason(errno code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
