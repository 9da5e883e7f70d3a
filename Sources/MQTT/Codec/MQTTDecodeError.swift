/// Why bytes from the broker are not an MQTT 3.1.1 packet. Any of these ends the connection
/// (§4.8: a malformed packet closes the network connection).
public enum MQTTDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformedRemainingLength
    case packetTooLarge(length: Int, limit: Int)
    case reservedPacketType(UInt8)
    case invalidFlags(type: MQTTPacketType, flags: UInt8)
    case truncated(MQTTPacketType)
    case trailingBytes(MQTTPacketType)
    case invalidQoS(UInt8)
    case invalidUTF8(MQTTPacketType)
    case invalidProtocol(name: String, level: UInt8)
    case invalidConnectFlags(UInt8)
    case missingPacketId(MQTTPacketType)
    case emptyList(MQTTPacketType)

    public var description: String {
        switch self {
        case .malformedRemainingLength: "malformed remaining length (more than four bytes)"
        case .packetTooLarge(let length, let limit): "packet of \(length) bytes is over the limit of \(limit)"
        case .reservedPacketType(let type): "reserved packet type \(type)"
        case .invalidFlags(let type, let flags): "invalid fixed header flags \(flags) on \(type)"
        case .truncated(let type): "\(type) packet shorter than its fields"
        case .trailingBytes(let type): "\(type) packet longer than its fields"
        case .invalidQoS(let qos): "invalid QoS \(qos)"
        case .invalidUTF8(let type): "a string in a \(type) packet is not valid UTF-8"
        case .invalidProtocol(let name, let level): "protocol \(name) level \(level) is not MQTT 3.1.1"
        case .invalidConnectFlags(let flags): "invalid CONNECT flags \(flags)"
        case .missingPacketId(let type): "\(type) packet with packet identifier 0"
        case .emptyList(let type): "\(type) packet with no topic"
        }
    }
}
