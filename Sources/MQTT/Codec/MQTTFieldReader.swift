/// Reads the fields of one packet's variable header and payload, front to back; running out of
/// bytes is `truncated` for the packet being read.
struct MQTTFieldReader {
    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private let type: MQTTPacketType

    init(_ bytes: ArraySlice<UInt8>, type: MQTTPacketType) {
        self.bytes = bytes
        self.index = bytes.startIndex
        self.type = type
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    mutating func byte() throws(MQTTDecodeError) -> UInt8 {
        guard index < bytes.endIndex else { throw .truncated(type) }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func uint16() throws(MQTTDecodeError) -> UInt16 {
        let high = try byte()
        return UInt16(high) << 8 | UInt16(try byte())
    }

    mutating func binary() throws(MQTTDecodeError) -> [UInt8] {
        let count = Int(try uint16())
        guard bytes.endIndex - index >= count else { throw .truncated(type) }
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }

    /// §1.5.3: UTF-8, and no U+0000.
    mutating func string() throws(MQTTDecodeError) -> String {
        let raw = try binary()
        guard let string = String(validating: raw, as: UTF8.self), !raw.contains(0) else {
            throw .invalidUTF8(type)
        }
        return string
    }

    /// A packet identifier, which is never 0 (§2.3.1).
    mutating func packetId() throws(MQTTDecodeError) -> UInt16 {
        let id = try uint16()
        guard id != 0 else { throw .missingPacketId(type) }
        return id
    }

    mutating func rest() -> [UInt8] {
        defer { index = bytes.endIndex }
        return Array(bytes[index...])
    }

    func expectEnd() throws(MQTTDecodeError) {
        guard isAtEnd else { throw .trailingBytes(type) }
    }
}
