extension MQTTPacket {
    /// The packet's bytes on the wire: fixed header, variable header, payload.
    public func encoded() -> [UInt8] {
        var body: [UInt8] = []
        var flags: UInt8 = 0
        switch self {
        case .connect(let connect):
            // §3.1.2.1-3: protocol name "MQTT", level 4.
            body.appendMQTTString("MQTT")
            body.append(4)
            body.append(connect.flagsByte)
            body.appendUInt16(connect.keepAliveSeconds)
            // §3.1.3: client id, will topic, will message, user name, password, in this order.
            body.appendMQTTString(connect.clientId)
            if let will = connect.will {
                body.appendMQTTString(will.topic)
                body.appendMQTTBinary(will.payload)
            }
            if let username = connect.username { body.appendMQTTString(username) }
            if let password = connect.password { body.appendMQTTBinary(password) }
        case .connack(let sessionPresent, let returnCode):
            body = [sessionPresent ? 1 : 0, returnCode.rawValue]
        case .publish(let publish):
            // §3.3.1: DUP bit 3, QoS bits 2-1, RETAIN bit 0.
            flags = (publish.dup ? 0x08 : 0) | (publish.qos.rawValue << 1) | (publish.retain ? 0x01 : 0)
            body.appendMQTTString(publish.topic)
            if publish.qos != .atMostOnce { body.appendUInt16(publish.packetId ?? 0) }
            body.append(contentsOf: publish.payload)
        case .puback(let id), .pubrec(let id), .pubcomp(let id), .unsuback(let id):
            body.appendUInt16(id)
        case .pubrel(let id):
            flags = 0x02  // §3.6.1
            body.appendUInt16(id)
        case .subscribe(let id, let subscriptions):
            flags = 0x02  // §3.8.1
            body.appendUInt16(id)
            for subscription in subscriptions {
                body.appendMQTTString(subscription.filter)
                body.append(subscription.qos.rawValue)
            }
        case .suback(let id, let returnCodes):
            body.appendUInt16(id)
            for code in returnCodes {
                switch code {
                case .granted(let qos): body.append(qos.rawValue)
                case .grantedExactlyOnce: body.append(2)
                case .failure: body.append(0x80)
                }
            }
        case .unsubscribe(let id, let filters):
            flags = 0x02  // §3.10.1
            body.appendUInt16(id)
            for filter in filters { body.appendMQTTString(filter) }
        case .pingreq, .pingresp, .disconnect:
            break
        }
        return [type.rawValue << 4 | flags] + MQTTRemainingLength.encode(body.count) + body
    }
}

extension MQTTConnect {
    /// §3.1.2.3: user name bit 7, password 6, will retain 5, will QoS 4-3, will flag 2, clean
    /// session 1, bit 0 reserved (zero).
    var flagsByte: UInt8 {
        var flags: UInt8 = 0
        if username != nil { flags |= 0x80 }
        if password != nil { flags |= 0x40 }
        if let will {
            flags |= 0x04 | (will.qos.rawValue << 3)
            if will.retain { flags |= 0x20 }
        }
        if cleanSession { flags |= 0x02 }
        return flags
    }
}

extension [UInt8] {
    mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    /// §1.5.3: a UTF-8 string behind its two-byte length.
    mutating func appendMQTTString(_ string: String) {
        appendMQTTBinary(Array(string.utf8))
    }

    mutating func appendMQTTBinary(_ bytes: [UInt8]) {
        precondition(bytes.count <= 65_535, "an MQTT string or binary field holds at most 65535 bytes")
        appendUInt16(UInt16(bytes.count))
        append(contentsOf: bytes)
    }
}
