/// A PUBLISH packet (MQTT 3.1.1 §3.3): an application message.
public struct MQTTPublish: Sendable, Hashable {
    public var topic: String
    public var payload: [UInt8]
    public var qos: MQTTQoS
    public var retain: Bool
    /// Set when this is a redelivery of a QoS 1 message the broker may have seen (§3.3.1.1).
    public var dup: Bool
    /// Present exactly when `qos` is at least once.
    public var packetId: UInt16?

    public init(
        topic: String, payload: [UInt8], qos: MQTTQoS = .atMostOnce, retain: Bool = false, dup: Bool = false,
        packetId: UInt16? = nil
    ) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
        self.dup = dup
        self.packetId = packetId
    }

    /// The payload as UTF-8 text (`nil` when it is not UTF-8).
    public var payloadText: String? {
        String(validating: payload, as: UTF8.self)
    }
}
