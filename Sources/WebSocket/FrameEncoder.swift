/// Encodes RFC 6455 frames. Server frames go unmasked; a client (the test client) passes a masking key.
public enum FrameEncoder {
    /// One frame: header, then the payload (masked with `maskingKey` when given; the key's most significant
    /// byte goes first on the wire, so `0x37FA213D` is the key of the RFC 6455 §5.7 examples).
    public static func encode(
        opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, fin: Bool = true, maskingKey: UInt32? = nil
    ) -> [UInt8] {
        let length = payload.count
        let header = headerLength(payloadLength: length, masked: maskingKey != nil)
        return [UInt8](unsafeUninitializedCapacity: header + length) { output, initialized in
            output[0] = (fin ? 0x80 : 0) | opcode.rawValue
            let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
            var offset: Int
            if length <= 125 {
                output[1] = maskBit | UInt8(length)
                offset = 2
            } else if length <= 0xFFFF {
                output[1] = maskBit | 126
                output[2] = UInt8(length >> 8)
                output[3] = UInt8(length & 0xFF)
                offset = 4
            } else {
                output[1] = maskBit | 127
                for index in 0..<8 { output[2 + index] = UInt8((UInt64(length) >> (56 - 8 * UInt64(index))) & 0xFF) }
                offset = 10
            }
            let destination = UnsafeMutableRawPointer(output.baseAddress! + header)
            if let maskingKey {
                let key = (
                    UInt8(maskingKey >> 24), UInt8((maskingKey >> 16) & 0xFF), UInt8((maskingKey >> 8) & 0xFF),
                    UInt8(maskingKey & 0xFF)
                )
                output[offset] = key.0
                output[offset + 1] = key.1
                output[offset + 2] = key.2
                output[offset + 3] = key.3
                offset += 4
                if length > 0 {
                    WebSocketMasking.apply(key: key, from: payload.baseAddress!, to: destination, count: length)
                }
            } else if length > 0 {
                destination.copyMemory(from: payload.baseAddress!, byteCount: length)
            }
            initialized = header + length
        }
    }

    /// One frame with an array payload.
    public static func encode(
        opcode: WebSocketOpcode, payload: [UInt8], fin: Bool = true, maskingKey: UInt32? = nil
    ) -> [UInt8] {
        payload.withUnsafeBytes { encode(opcode: opcode, payload: $0, fin: fin, maskingKey: maskingKey) }
    }

    /// A close frame: no payload when `code` is nil, else the code and the reason, cut on a character
    /// boundary so the payload stays within the 125 bytes of a control frame.
    public static func encodeClose(
        code: WebSocketCloseCode?, reason: String = "", maskingKey: UInt32? = nil
    ) -> [UInt8] {
        encode(opcode: .close, payload: closePayload(code: code, reason: reason), maskingKey: maskingKey)
    }

    /// The payload of a close frame (see `encodeClose`).
    public static func closePayload(code: WebSocketCloseCode?, reason: String) -> [UInt8] {
        guard let code else { return [] }
        var payload: [UInt8] = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        var reasonBytes = 0
        for scalar in reason.unicodeScalars {
            let width = UTF8.width(scalar)
            if reasonBytes + width > 123 { break }
            reasonBytes += width
            payload.append(contentsOf: UTF8.encode(scalar)!)
        }
        return payload
    }

    /// The size of the frame header for a payload of `payloadLength` bytes.
    public static func headerLength(payloadLength: Int, masked: Bool) -> Int {
        let lengthBytes = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10
        return lengthBytes + (masked ? 4 : 0)
    }
}
