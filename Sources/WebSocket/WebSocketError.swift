/// A violation of RFC 6455 by the peer. Each one fails the connection with `closeCode`.
public enum WebSocketError: Error, Sendable, Equatable {
    /// RSV1-3 set without a negotiated extension.
    case reservedBitsSet
    /// A reserved opcode (3-7, 11-15).
    case unknownOpcode(UInt8)
    /// A client frame without a mask (RFC 6455 §5.1).
    case unmaskedClientFrame
    /// A server frame with a mask (when decoding as a client).
    case maskedServerFrame
    /// A 16- or 64-bit length that would have fitted a shorter form.
    case nonMinimalLength
    /// A 64-bit length with its most significant bit set.
    case lengthOutOfRange
    /// A close, ping or pong frame with more than 125 bytes.
    case controlFrameTooLong(Int)
    /// A close, ping or pong frame without FIN.
    case fragmentedControlFrame
    /// A continuation frame with no fragmented message in progress.
    case continuationWithoutStart
    /// A text or binary frame while a fragmented message is still in progress.
    case dataFrameInsideFragmentedMessage
    /// A text message (or close reason) that is not UTF-8.
    case invalidUTF8
    /// A binary message: OCPP-J uses text frames only.
    case binaryMessage
    /// A message longer than the connection's `maxMessageBytes`.
    case messageTooBig(limit: Int)
    /// A close frame with a one-byte payload (a code needs two).
    case closePayloadTooShort
    /// A close frame with a code that may not be sent (0-999, 1004-1006, 1015, 1016-2999, 5000 and up).
    case invalidCloseCode(UInt16)
    /// A close frame whose reason is not UTF-8.
    case invalidCloseReason

    /// The code of the close frame that answers the violation.
    public var closeCode: WebSocketCloseCode {
        switch self {
        case .invalidUTF8, .invalidCloseReason: .invalidFramePayloadData
        case .binaryMessage: .unsupportedData
        case .messageTooBig: .messageTooBig
        default: .protocolError
        }
    }

    /// A short reason for the close frame and the log (ASCII, well under the 123 bytes a close reason may take).
    public var reason: String {
        switch self {
        case .reservedBitsSet: "reserved bits set"
        case .unknownOpcode(let opcode): "unknown opcode \(opcode)"
        case .unmaskedClientFrame: "client frame not masked"
        case .maskedServerFrame: "server frame masked"
        case .nonMinimalLength: "payload length not minimally encoded"
        case .lengthOutOfRange: "payload length out of range"
        case .controlFrameTooLong(let length): "control frame of \(length) bytes"
        case .fragmentedControlFrame: "fragmented control frame"
        case .continuationWithoutStart: "continuation frame without a message"
        case .dataFrameInsideFragmentedMessage: "new message inside a fragmented message"
        case .invalidUTF8: "invalid UTF-8"
        case .binaryMessage: "binary messages are not supported"
        case .messageTooBig(let limit): "message exceeds \(limit) bytes"
        case .closePayloadTooShort: "close payload of 1 byte"
        case .invalidCloseCode(let code): "invalid close code \(code)"
        case .invalidCloseReason: "close reason not UTF-8"
        }
    }
}
