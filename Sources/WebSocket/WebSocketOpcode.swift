/// The frame opcodes of RFC 6455 §5.2. Other values are reserved and fail the connection with 1002.
public enum WebSocketOpcode: UInt8, Sendable, Equatable {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    /// Control frames (close, ping, pong) carry at most 125 bytes and are never fragmented.
    public var isControl: Bool { rawValue & 0x8 != 0 }
}
