/// What went wrong in a `TestWebSocketClient` call; the text says enough to read a failed test.
public enum TestWebSocketClientError: Error, CustomStringConvertible {
    case connectFailed(String)
    /// Nothing (or not enough) arrived in time; the text says what was awaited.
    case timeout(String)
    /// The server closed the TCP connection.
    case connectionClosed
    case ioFailed(String)
    /// The server's HTTP response could not be read.
    case malformedResponse(String)
    /// The server answered the upgrade with something other than a valid 101.
    case upgradeRefused(TestHTTPResponse)
    /// `receiveText` met a close frame.
    case closedByServer(code: UInt16?, reason: String)
    /// `receiveText` met a frame that is neither text nor a control frame it handles.
    case unexpectedFrame(TestWebSocketFrame)

    public var description: String {
        switch self {
        case .connectFailed(let reason): "connect failed: \(reason)"
        case .timeout(let what): "timed out \(what)"
        case .connectionClosed: "connection closed by the server"
        case .ioFailed(let reason): "I/O failed: \(reason)"
        case .malformedResponse(let reason): "malformed HTTP response: \(reason)"
        case .upgradeRefused(let response): "upgrade refused: \(response.statusCode) \(response.reasonPhrase)"
        case .closedByServer(let code, let reason):
            "closed by the server: \(code.map(String.init) ?? "no code") \(reason)"
        case .unexpectedFrame(let frame): "unexpected frame with opcode \(frame.opcode)"
        }
    }
}
