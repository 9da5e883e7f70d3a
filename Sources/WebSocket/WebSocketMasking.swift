/// XOR masking of RFC 6455 §5.3, eight bytes at a time: the hot path of every client frame.
enum WebSocketMasking {
    /// Writes `count` bytes of `source` XOR the four `key` bytes (in wire order) to `destination`;
    /// the two may be the same memory.
    static func apply(
        key: (UInt8, UInt8, UInt8, UInt8), from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer,
        count: Int
    ) {
        var keyBytes: UInt32 = 0
        withUnsafeMutableBytes(of: &keyBytes) { bytes in
            bytes[0] = key.0
            bytes[1] = key.1
            bytes[2] = key.2
            bytes[3] = key.3
        }
        // The key repeated twice in memory order, whatever the byte order of the machine.
        let wide = UInt64(keyBytes) | UInt64(keyBytes) << 32
        var offset = 0
        while offset + 8 <= count {
            let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            destination.storeBytes(of: word ^ wide, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        // The tail starts at a multiple of 8, so its key bytes are the first bytes of `wide`.
        withUnsafeBytes(of: wide) { keys in
            let tailStart = offset
            while offset < count {
                let byte = source.load(fromByteOffset: offset, as: UInt8.self) ^ keys[offset - tailStart]
                destination.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
                offset += 1
            }
        }
    }
}
