/// A frame as the test client received it, with raw header fields so tests can check what the server sent.
public struct TestWebSocketFrame: Sendable, Equatable {
    public var fin: Bool
    /// RSV1-3 as the three low bits.
    public var rsv: UInt8
    public var opcode: UInt8
    /// Whether the server masked the frame (it must not).
    public var masked: Bool
    /// The payload, unmasked.
    public var payload: [UInt8]

    public init(fin: Bool, rsv: UInt8 = 0, opcode: UInt8, masked: Bool = false, payload: [UInt8]) {
        self.fin = fin
        self.rsv = rsv
        self.opcode = opcode
        self.masked = masked
        self.payload = payload
    }

    public static let continuationOpcode: UInt8 = 0x0
    public static let textOpcode: UInt8 = 0x1
    public static let binaryOpcode: UInt8 = 0x2
    public static let closeOpcode: UInt8 = 0x8
    public static let pingOpcode: UInt8 = 0x9
    public static let pongOpcode: UInt8 = 0xA

    /// The payload as UTF-8 text, nil when it is not valid UTF-8.
    public var text: String? { String(validating: payload, as: UTF8.self) }

    /// The status code of a close frame, nil for other frames and for a close without payload.
    public var closeCode: UInt16? {
        guard opcode == Self.closeOpcode, payload.count >= 2 else { return nil }
        return UInt16(payload[0]) << 8 | UInt16(payload[1])
    }

    /// The reason of a close frame.
    public var closeReason: String {
        guard opcode == Self.closeOpcode, payload.count > 2 else { return "" }
        return String(decoding: payload[2...], as: UTF8.self)
    }
}
