import Testing

@testable import MQTT

/// Byte-for-byte checks against MQTT Version 3.1.1 (OASIS Standard, 29 October 2014).
@Suite struct MQTTPacketCodecTests {
    /// §2.2.3, table 2.4: the boundaries of one to four bytes.
    @Test(
        arguments: [
            (0, [0x00]), (127, [0x7F]), (128, [0x80, 0x01]), (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]),
            (2_097_151, [0xFF, 0xFF, 0x7F]), (2_097_152, [0x80, 0x80, 0x80, 0x01]),
            (268_435_455, [0xFF, 0xFF, 0xFF, 0x7F]),
        ] as [(Int, [UInt8])])
    func remainingLengthEncodesAsTheTableSays(length: Int, bytes: [UInt8]) throws {
        #expect(MQTTRemainingLength.encode(length) == bytes)
        #expect(try MQTTRemainingLength.decode(bytes) == .complete(length: length, byteCount: bytes.count))
    }

    @Test func aFifthLengthByteIsMalformed() throws {
        #expect(throws: MQTTDecodeError.malformedRemainingLength) {
            try MQTTRemainingLength.decode([0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        }
        #expect(try MQTTRemainingLength.decode([0xFF, 0xFF]) == .incomplete)
    }

    /// §3.1.2.10, figure 3.11: the variable header of the specification's CONNECT example,
    /// user name and password set, will QoS 1, will flag, clean session, keep-alive 10.
    @Test func connectMatchesTheSpecificationsExample() throws {
        let connect = MQTTConnect(
            clientId: "ampwise", cleanSession: true, keepAliveSeconds: 10,
            will: MQTTWill(topic: "ampwise/status", payload: Array("offline".utf8), qos: .atLeastOnce, retain: false),
            username: "user", password: Array("pw".utf8))
        let bytes = MQTTPacket.connect(connect).encoded()
        #expect(bytes[0] == 0x10)
        #expect(Array(bytes[2..<12]) == [0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xCE, 0x00, 0x0A])
        // Payload order §3.1.3: client id, will topic, will message, user name, password.
        let payload = Array(bytes[12...])
        var expected: [UInt8] = [0x00, 0x07] + Array("ampwise".utf8)
        expected += [0x00, 0x0E] + Array("ampwise/status".utf8) + [0x00, 0x07] + Array("offline".utf8)
        expected += [0x00, 0x04] + Array("user".utf8) + [0x00, 0x02] + Array("pw".utf8)
        #expect(payload == expected)
        #expect(Int(bytes[1]) == bytes.count - 2)
        #expect(try decodeOne(bytes) == .connect(connect))
    }

    @Test func aRetainedWillSetsBitFiveAndNoCredentialsClearTheirBits() {
        let connect = MQTTConnect(
            clientId: "c", cleanSession: false, keepAliveSeconds: 60,
            will: MQTTWill(topic: "t", payload: [], qos: .atMostOnce, retain: true))
        #expect(MQTTPacket.connect(connect).encoded()[9] == 0x24)
    }

    @Test func publishFlagsCarryDupQoSAndRetain() throws {
        let message = MQTTPublish(
            topic: "a/b", payload: [1, 2, 3], qos: .atLeastOnce, retain: true, dup: true, packetId: 10)
        let bytes = MQTTPacket.publish(message).encoded()
        #expect(bytes == [0x3B, 0x0A, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x00, 0x0A, 1, 2, 3])
        #expect(try decodeOne(bytes) == .publish(message))
        let plain = MQTTPublish(topic: "a", payload: Array("on".utf8))
        #expect(MQTTPacket.publish(plain).encoded() == [0x30, 0x05, 0x00, 0x01, 0x61, 0x6F, 0x6E])
    }

    @Test func fixedPacketsAreTheirTwoBytes() {
        #expect(MQTTPacket.pingreq.encoded() == [0xC0, 0x00])
        #expect(MQTTPacket.pingresp.encoded() == [0xD0, 0x00])
        #expect(MQTTPacket.disconnect.encoded() == [0xE0, 0x00])
        #expect(MQTTPacket.puback(packetId: 0x1234).encoded() == [0x40, 0x02, 0x12, 0x34])
        #expect(MQTTPacket.connack(sessionPresent: true, returnCode: .accepted).encoded() == [0x20, 0x02, 0x01, 0x00])
    }

    /// §3.8.1: SUBSCRIBE's flags are 0010; §3.8.3: each filter is followed by its QoS byte.
    @Test func subscribeAndUnsubscribeLayouts() throws {
        let subscribe = MQTTPacket.subscribe(
            packetId: 1, subscriptions: [MQTTSubscription(filter: "a/+", qos: .atLeastOnce)])
        #expect(subscribe.encoded() == [0x82, 0x08, 0x00, 0x01, 0x00, 0x03, 0x61, 0x2F, 0x2B, 0x01])
        #expect(try decodeOne(subscribe.encoded()) == subscribe)
        let unsubscribe = MQTTPacket.unsubscribe(packetId: 2, filters: ["#"])
        #expect(unsubscribe.encoded() == [0xA2, 0x05, 0x00, 0x02, 0x00, 0x01, 0x23])
        #expect(try decodeOne(unsubscribe.encoded()) == unsubscribe)
    }

    @Test func subackReturnCodesDecode() throws {
        #expect(
            try decodeOne([0x90, 0x05, 0x00, 0x07, 0x00, 0x01, 0x80])
                == .suback(packetId: 7, returnCodes: [.granted(.atMostOnce), .granted(.atLeastOnce), .failure]))
    }

    @Test func connackCarriesTheRefusal() throws {
        #expect(
            try decodeOne([0x20, 0x02, 0x00, 0x05]) == .connack(sessionPresent: false, returnCode: .notAuthorized))
    }

    @Test(arguments: [
        ([0x82, 0x02, 0x00, 0x01] as [UInt8], "SUBSCRIBE with no topic"),
        ([0x80, 0x02, 0x00, 0x01], "SUBSCRIBE with flags 0000"),
        ([0xC1, 0x00], "PINGREQ with a flag"),
        ([0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01], "PUBLISH with QoS 3"),
        ([0x38, 0x03, 0x00, 0x01, 0x61], "QoS 0 PUBLISH with DUP"),
        ([0x32, 0x05, 0x00, 0x01, 0x61, 0x00, 0x00], "QoS 1 PUBLISH with packet id 0"),
        ([0x40, 0x03, 0x00, 0x01, 0x00], "PUBACK with a byte too many"),
        ([0x40, 0x01, 0x00], "PUBACK a byte short"),
        ([0x30, 0x04, 0x00, 0x02, 0xC3, 0x28], "PUBLISH whose topic is not UTF-8"),
        ([0x00, 0x00], "reserved type 0"),
        ([0xF0, 0x00], "reserved type 15"),
    ])
    func malformedPacketsAreRefused(bytes: [UInt8], what: String) {
        #expect(throws: MQTTDecodeError.self, "\(what)") { try decodeOne(bytes) }
    }

    @Test func aPacketOverTheLimitIsRefusedBeforeItsBodyArrives() {
        var decoder = MQTTPacketDecoder(maximumPacketBytes: 100)
        decoder.append([0x30] + MQTTRemainingLength.encode(1_000))
        #expect(throws: MQTTDecodeError.packetTooLarge(length: 1_003, limit: 100)) { try decoder.next() }
    }

    @Test func packetsSplitAnywhereDecodeInOrder() throws {
        let packets: [MQTTPacket] = [
            .connack(sessionPresent: false, returnCode: .accepted),
            .publish(
                MQTTPublish(topic: "x/y", payload: Array(repeating: 7, count: 300), qos: .atLeastOnce, packetId: 3)),
            .pingresp,
        ]
        let bytes = packets.flatMap { $0.encoded() }
        for split in 0...bytes.count {
            var decoder = MQTTPacketDecoder()
            var decoded: [MQTTPacket] = []
            decoder.append(Array(bytes[..<split]))
            while let packet = try decoder.next() { decoded.append(packet) }
            decoder.append(Array(bytes[split...]))
            while let packet = try decoder.next() { decoded.append(packet) }
            #expect(decoded == packets, "split at \(split)")
        }
    }

    private func decodeOne(_ bytes: [UInt8]) throws -> MQTTPacket? {
        var decoder = MQTTPacketDecoder()
        decoder.append(bytes)
        return try decoder.next()
    }
}
