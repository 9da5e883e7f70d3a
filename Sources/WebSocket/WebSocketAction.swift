/// What the I/O layer must do after `WebSocketConnection.receive(_:)`, in order.
public enum WebSocketAction: Sendable, Equatable {
    /// A complete text message: its bytes, validated UTF-8 (the OCPP layer parses bytes, not Strings).
    case deliverText([UInt8])
    /// Bytes to write to the socket (a pong, a close reply, a close frame after a violation).
    case send([UInt8])
    /// A pong arrived with this payload, so the I/O layer can match it to its ping and time the round trip.
    case pongReceived([UInt8])
    /// Close the TCP connection after writing every `.send` before it. The cause says why, for the log.
    case closeConnection(WebSocketCloseCause)
}
