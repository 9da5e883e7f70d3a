import HTTP

/// The outcome of `WebSocketUpgrade.evaluate`.
public enum WebSocketUpgradeResult: Sendable, Equatable {
    /// Switch the connection to WebSocket: write `response` (the 101) and hand every later byte to a
    /// `WebSocketConnection`. `subprotocol` is the `Sec-WebSocket-Protocol` answered, nil when the charger
    /// offered none (it speaks OCPP 1.6 all the same, docs/charger-management.md).
    case accept(chargerId: String, subprotocol: String?, response: [UInt8])
    /// Write `response` and close the connection.
    case refuse(WebSocketUpgradeError, response: HTTPResponse)
}
