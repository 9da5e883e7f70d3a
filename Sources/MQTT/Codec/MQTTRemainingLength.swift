/// The Remaining Length of a fixed header (MQTT 3.1.1 §2.2.3): seven bits per byte, least
/// significant group first, the high bit set on every byte but the last, at most four bytes
/// (268,435,455).
public enum MQTTRemainingLength {
    public static let maximum = 268_435_455

    public static func encode(_ length: Int) -> [UInt8] {
        precondition(length >= 0 && length <= maximum, "an MQTT packet's remaining length is 0...268435455")
        var bytes: [UInt8] = []
        var rest = length
        repeat {
            var byte = UInt8(rest % 128)
            rest /= 128
            if rest > 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest > 0
        return bytes
    }

    /// The outcome of reading a remaining length from the front of some bytes.
    public enum Reading: Equatable, Sendable {
        /// The length and how many bytes encoded it.
        case complete(length: Int, byteCount: Int)
        /// More bytes are needed.
        case incomplete
    }

    /// Reads a remaining length from `bytes`; a fifth continuation byte is malformed.
    public static func decode(_ bytes: some Collection<UInt8>) throws(MQTTDecodeError) -> Reading {
        var length = 0
        var multiplier = 1
        var count = 0
        for byte in bytes {
            count += 1
            length += Int(byte & 0x7F) * multiplier
            if byte & 0x80 == 0 { return .complete(length: length, byteCount: count) }
            if count == 4 { throw .malformedRemainingLength }
            multiplier *= 128
        }
        return .incomplete
    }
}
