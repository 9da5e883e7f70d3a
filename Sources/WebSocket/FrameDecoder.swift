import HTTP

/// An incremental RFC 6455 frame decoder: append bytes as they arrive, then take whole frames with
/// `nextFrame(maxDataPayloadBytes:)` until it returns nil.
///
/// It checks everything that can be known from one frame: RSV bits, opcode, the mask bit, minimal and
/// in-range lengths, control-frame rules and the size limit, each as soon as the header shows it
/// (a frame declaring 2 GiB fails before any of its payload is buffered). Message-level rules
/// (continuations, UTF-8, close payloads) belong to `WebSocketConnection`.
public struct FrameDecoder: Sendable {
    /// True on the server, where every client frame must be masked; false in a client, where no server
    /// frame may be.
    public let expectsMaskedFrames: Bool

    private var buffer = ReceiveBuffer()

    /// A decoder for one connection: `expectsMaskedFrames` true on the server side.
    public init(expectsMaskedFrames: Bool = true) {
        self.expectsMaskedFrames = expectsMaskedFrames
    }

    /// Bytes received and not yet returned as frames.
    public var bufferedByteCount: Int { buffer.count }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    /// The next complete frame, unmasked, or nil when more bytes are needed.
    /// - Parameter maxDataPayloadBytes: text, binary and continuation frames that declare a longer
    ///   payload throw `messageTooBig` (the connection passes what is left of its message budget).
    public mutating func nextFrame(maxDataPayloadBytes: Int = .max) throws(WebSocketError) -> WebSocketFrame? {
        let decoded = try buffer.withUnreadBytes { bytes throws(WebSocketError) in
            try FrameDecoder.decode(bytes, expectsMasked: expectsMaskedFrames, maxDataPayloadBytes: maxDataPayloadBytes)
        }
        guard let (frame, consumed) = decoded else { return nil }
        buffer.consume(consumed)
        return frame
    }

    /// Decodes one frame from the front of `bytes`: the frame and the bytes it took, or nil if incomplete.
    private static func decode(
        _ bytes: UnsafeRawBufferPointer, expectsMasked: Bool, maxDataPayloadBytes: Int
    ) throws(WebSocketError) -> (WebSocketFrame, Int)? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[0]
        let second = bytes[1]
        guard first & 0x70 == 0 else { throw .reservedBitsSet }
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else { throw .unknownOpcode(first & 0x0F) }
        let fin = first & 0x80 != 0
        let masked = second & 0x80 != 0
        if masked != expectsMasked { throw masked ? .maskedServerFrame : .unmaskedClientFrame }
        let shortLength = Int(second & 0x7F)
        if opcode.isControl {
            guard fin else { throw .fragmentedControlFrame }
            guard shortLength <= 125 else { throw .controlFrameTooLong(shortLength) }
        }
        var headerLength = 2
        let length: Int
        switch shortLength {
        case 126:
            guard bytes.count >= 4 else { return nil }
            length = Int(bytes[2]) << 8 | Int(bytes[3])
            guard length >= 126 else { throw .nonMinimalLength }
            headerLength = 4
        case 127:
            guard bytes.count >= 10 else { return nil }
            guard bytes[2] & 0x80 == 0 else { throw .lengthOutOfRange }
            var wide = 0
            for index in 2..<10 { wide = wide << 8 | Int(bytes[index]) }
            guard wide > 0xFFFF else { throw .nonMinimalLength }
            length = wide
            headerLength = 10
        default:
            length = shortLength
        }
        if !opcode.isControl && length > maxDataPayloadBytes { throw .messageTooBig(limit: maxDataPayloadBytes) }
        let maskOffset = headerLength
        if masked { headerLength += 4 }
        guard bytes.count - headerLength >= length else { return nil }
        let source = bytes.baseAddress! + headerLength
        let payload: [UInt8]
        if length == 0 {
            payload = []
        } else if masked {
            let key = (bytes[maskOffset], bytes[maskOffset + 1], bytes[maskOffset + 2], bytes[maskOffset + 3])
            payload = [UInt8](unsafeUninitializedCapacity: length) { destination, initialized in
                WebSocketMasking.apply(key: key, from: source, to: destination.baseAddress!, count: length)
                initialized = length
            }
        } else {
            payload = Array(UnsafeRawBufferPointer(start: source, count: length))
        }
        return (WebSocketFrame(fin: fin, opcode: opcode, payload: payload), headerLength + length)
    }
}
