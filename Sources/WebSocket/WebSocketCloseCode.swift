/// A close status code (RFC 6455 §7.4), as sent in a close frame.
public struct WebSocketCloseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code as sent on the wire.
    public let rawValue: UInt16

    /// Any code; `isValidOnWire` says whether a peer may send it.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    // The codes of RFC 6455 §7.4.1 and the IANA registry.
    public static let normalClosure = WebSocketCloseCode(rawValue: 1000)
    public static let goingAway = WebSocketCloseCode(rawValue: 1001)
    public static let protocolError = WebSocketCloseCode(rawValue: 1002)
    public static let unsupportedData = WebSocketCloseCode(rawValue: 1003)
    /// Reserved: means "no code in the close frame"; never sent on the wire.
    public static let noStatusReceived = WebSocketCloseCode(rawValue: 1005)
    /// Reserved: means "closed without a close frame"; never sent on the wire.
    public static let abnormalClosure = WebSocketCloseCode(rawValue: 1006)
    public static let invalidFramePayloadData = WebSocketCloseCode(rawValue: 1007)
    public static let policyViolation = WebSocketCloseCode(rawValue: 1008)
    public static let messageTooBig = WebSocketCloseCode(rawValue: 1009)
    public static let mandatoryExtension = WebSocketCloseCode(rawValue: 1010)
    public static let internalServerError = WebSocketCloseCode(rawValue: 1011)
    public static let serviceRestart = WebSocketCloseCode(rawValue: 1012)
    public static let tryAgainLater = WebSocketCloseCode(rawValue: 1013)
    public static let badGateway = WebSocketCloseCode(rawValue: 1014)
    /// Reserved: means "the TLS handshake failed"; never sent on the wire.
    public static let tlsHandshake = WebSocketCloseCode(rawValue: 1015)

    /// Whether a peer may send this code in a close frame: the codes RFC 6455 defines for use, the ones
    /// IANA registered since (1012-1014), and the ranges for libraries and applications (3000-4999).
    /// 0-999, 1004-1006, 1015 and 1016-2999 are not.
    public var isValidOnWire: Bool {
        switch rawValue {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }

    public var description: String { String(rawValue) }
}
