import HTTP

/// Splits the bytes of a connection into MQTT 3.1.1 packets: append what arrives, take packets
/// while there are complete ones. Every packet type decodes, in both directions, so the same
/// decoder serves the client and the tests' broker; the checks are the specification's, and a
/// packet over `maximumPacketBytes` is refused before its body is buffered.
public struct MQTTPacketDecoder: Sendable {
    public let maximumPacketBytes: Int
    private var buffer = ReceiveBuffer()

    public init(maximumPacketBytes: Int = 1 << 20) {
        self.maximumPacketBytes = maximumPacketBytes
    }

    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// The next complete packet, `nil` when more bytes are needed.
    public mutating func next() throws(MQTTDecodeError) -> MQTTPacket? {
        guard buffer.count >= 2 else { return nil }
        let header = buffer[0]
        let lengthBytes = buffer[1..<min(buffer.count, 5)]
        guard case .complete(let length, let lengthCount) = try MQTTRemainingLength.decode(lengthBytes) else {
            return nil
        }
        let total = 1 + lengthCount + length
        guard total <= maximumPacketBytes else { throw .packetTooLarge(length: total, limit: maximumPacketBytes) }
        guard buffer.count >= total else { return nil }
        let body = buffer[(1 + lengthCount)..<total]
        let packet = try Self.decode(header: header, body: body)
        buffer.consume(total)
        return packet
    }

    static func decode(header: UInt8, body: ArraySlice<UInt8>) throws(MQTTDecodeError) -> MQTTPacket {
        guard let type = MQTTPacketType(rawValue: header >> 4) else { throw .reservedPacketType(header >> 4) }
        let flags = header & 0x0F
        // §2.2.2: the flags are fixed for every type but PUBLISH.
        let requiredFlags: UInt8? =
            switch type {
            case .publish: nil
            case .pubrel, .subscribe, .unsubscribe: 0x02
            default: 0
            }
        if let requiredFlags, flags != requiredFlags { throw .invalidFlags(type: type, flags: flags) }
        var reader = MQTTFieldReader(body, type: type)
        let packet: MQTTPacket
        switch type {
        case .connect:
            packet = .connect(try decodeConnect(&reader))
        case .connack:
            let acknowledge = try reader.byte()
            guard acknowledge & 0xFE == 0 else { throw .invalidFlags(type: type, flags: acknowledge) }
            packet = .connack(
                sessionPresent: acknowledge == 1, returnCode: MQTTConnectReturnCode(rawValue: try reader.byte()))
        case .publish:
            packet = .publish(try decodePublish(flags: flags, &reader))
        case .puback: packet = .puback(packetId: try reader.packetId())
        case .pubrec: packet = .pubrec(packetId: try reader.packetId())
        case .pubrel: packet = .pubrel(packetId: try reader.packetId())
        case .pubcomp: packet = .pubcomp(packetId: try reader.packetId())
        case .unsuback: packet = .unsuback(packetId: try reader.packetId())
        case .subscribe:
            let id = try reader.packetId()
            var subscriptions: [MQTTSubscription] = []
            while !reader.isAtEnd {
                let filter = try reader.string()
                let requested = try reader.byte()
                guard let qos = MQTTQoS(rawValue: requested) else { throw .invalidQoS(requested) }
                subscriptions.append(MQTTSubscription(filter: filter, qos: qos))
            }
            guard !subscriptions.isEmpty else { throw .emptyList(type) }
            packet = .subscribe(packetId: id, subscriptions: subscriptions)
        case .suback:
            let id = try reader.packetId()
            var codes: [MQTTSubscribeReturnCode] = []
            while !reader.isAtEnd {
                switch try reader.byte() {
                case 0: codes.append(.granted(.atMostOnce))
                case 1: codes.append(.granted(.atLeastOnce))
                case 2: codes.append(.grantedExactlyOnce)
                case 0x80: codes.append(.failure)
                case let other: throw .invalidQoS(other)
                }
            }
            guard !codes.isEmpty else { throw .emptyList(type) }
            packet = .suback(packetId: id, returnCodes: codes)
        case .unsubscribe:
            let id = try reader.packetId()
            var filters: [String] = []
            while !reader.isAtEnd { filters.append(try reader.string()) }
            guard !filters.isEmpty else { throw .emptyList(type) }
            packet = .unsubscribe(packetId: id, filters: filters)
        case .pingreq: packet = .pingreq
        case .pingresp: packet = .pingresp
        case .disconnect: packet = .disconnect
        }
        try reader.expectEnd()
        return packet
    }

    private static func decodeConnect(_ reader: inout MQTTFieldReader) throws(MQTTDecodeError) -> MQTTConnect {
        let name = try reader.string()
        let level = try reader.byte()
        guard name == "MQTT", level == 4 else { throw .invalidProtocol(name: name, level: level) }
        let flags = try reader.byte()
        let willFlag = flags & 0x04 != 0
        let willQoSBits = (flags >> 3) & 0x03
        // §3.1.2.3: reserved bit zero; §3.1.2.6/.7: no will, then will QoS and retain are zero;
        // §3.1.2.9: no user name, then no password.
        guard flags & 0x01 == 0, willFlag || flags & 0x38 == 0, flags & 0x80 != 0 || flags & 0x40 == 0 else {
            throw .invalidConnectFlags(flags)
        }
        var connect = MQTTConnect(clientId: "", cleanSession: flags & 0x02 != 0, keepAliveSeconds: try reader.uint16())
        connect.clientId = try reader.string()
        if willFlag {
            guard let qos = MQTTQoS(rawValue: willQoSBits) else { throw .invalidQoS(willQoSBits) }
            connect.will = MQTTWill(
                topic: try reader.string(), payload: try reader.binary(), qos: qos, retain: flags & 0x20 != 0)
        }
        if flags & 0x80 != 0 { connect.username = try reader.string() }
        if flags & 0x40 != 0 { connect.password = try reader.binary() }
        return connect
    }

    private static func decodePublish(flags: UInt8, _ reader: inout MQTTFieldReader) throws(MQTTDecodeError)
        -> MQTTPublish
    {
        let qosBits = (flags >> 1) & 0x03
        guard let qos = MQTTQoS(rawValue: qosBits) else { throw .invalidQoS(qosBits) }
        let dup = flags & 0x08 != 0
        // §3.3.1.1: DUP is 0 on every QoS 0 message.
        guard qos != .atMostOnce || !dup else { throw .invalidFlags(type: .publish, flags: flags) }
        let topic = try reader.string()
        let id = qos == .atMostOnce ? nil : try reader.packetId()
        return MQTTPublish(
            topic: topic, payload: reader.rest(), qos: qos, retain: flags & 0x01 != 0, dup: dup, packetId: id)
    }
}
