/// Why a WebSocket connection ended, carried by `WebSocketAction.closeConnection`.
public enum WebSocketCloseCause: Sendable, Equatable {
    /// The peer started the close handshake; its close frame was echoed. `code` is nil when the peer's
    /// close frame had no payload.
    case closedByPeer(code: WebSocketCloseCode?, reason: String)
    /// The server started the close handshake with `close(code:reason:)` and the peer answered it.
    case closeAcknowledged(code: WebSocketCloseCode?, reason: String)
    /// The peer broke the protocol; a close frame with `error.closeCode` was sent unless the server had
    /// already sent its own close frame.
    case protocolViolation(WebSocketError)

    /// The close code the connection ended with (the peer's for a handshake, the server's for a violation).
    public var closeCode: WebSocketCloseCode? {
        switch self {
        case .closedByPeer(let code, _), .closeAcknowledged(let code, _): code
        case .protocolViolation(let error): error.closeCode
        }
    }
}
