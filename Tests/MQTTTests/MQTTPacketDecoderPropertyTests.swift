import Testing

@testable import MQTT

/// Random input: the decoder of what a broker sends must never crash or hang, whatever arrives.
@Suite struct MQTTPacketDecoderPropertyTests {
    /// SplitMix64: a seeded generator, so a failure can be replayed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomBytesNeverCrashTheDecoder() {
        var generator = SeededGenerator(state: 0x4D51_5454)
        for _ in 0..<20_000 {
            var decoder = MQTTPacketDecoder(maximumPacketBytes: 4_096)
            let length = Int.random(in: 0...64, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Give half the inputs a plausible header so the body decoders are reached too.
            if !bytes.isEmpty, Bool.random(using: &generator) {
                bytes[0] = UInt8.random(in: 1...14, using: &generator) << 4 | (bytes[0] & 0x0F)
                if bytes.count > 1 { bytes[1] = UInt8(bytes.count - 2) }
            }
            decoder.append(bytes)
            var decoded = 0
            while decoded <= bytes.count, (try? decoder.next()).flatMap({ $0 }) != nil { decoded += 1 }
            #expect(decoded <= bytes.count / 2 + 1)
        }
    }

    @Test func mutatedValidPacketsNeverCrashTheDecoder() {
        var generator = SeededGenerator(state: 311)
        let valid: [[UInt8]] = [
            MQTTPacket.connect(
                MQTTConnect(
                    clientId: "x", will: MQTTWill(topic: "w", payload: [1]), username: "u", password: [2])
            ).encoded(),
            MQTTPacket.publish(MQTTPublish(topic: "a/b", payload: [1, 2], qos: .atLeastOnce, packetId: 5)).encoded(),
            MQTTPacket.subscribe(packetId: 1, subscriptions: [MQTTSubscription(filter: "#")]).encoded(),
            MQTTPacket.suback(packetId: 1, returnCodes: [.granted(.atLeastOnce), .failure]).encoded(),
        ]
        for _ in 0..<20_000 {
            var bytes = valid[Int.random(in: 0..<valid.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            var decoder = MQTTPacketDecoder()
            decoder.append(bytes)
            _ = try? decoder.next()
        }
    }

    @Test func everyEncodedPacketDecodesToItself() throws {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<2_000 {
            let topic = "t/" + String(Int.random(in: 0...999, using: &generator))
            let payload = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let qos: MQTTQoS = Bool.random(using: &generator) ? .atLeastOnce : .atMostOnce
            let message = MQTTPublish(
                topic: topic, payload: payload, qos: qos, retain: Bool.random(using: &generator),
                dup: qos == .atLeastOnce && Bool.random(using: &generator),
                packetId: qos == .atLeastOnce ? UInt16.random(in: 1...UInt16.max, using: &generator) : nil)
            var decoder = MQTTPacketDecoder()
            decoder.append(MQTTPacket.publish(message).encoded())
            #expect(try decoder.next() == .publish(message))
        }
    }
}
