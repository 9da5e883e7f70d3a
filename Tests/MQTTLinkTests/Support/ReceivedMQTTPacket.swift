import MQTT

/// A packet a `FakeMQTTBroker` received: which connection it came on (1 for the first, counting
/// up), and its place in the broker's log.
struct ReceivedMQTTPacket: Sendable {
    var index: Int
    var connection: Int
    var packet: MQTTPacket
}
