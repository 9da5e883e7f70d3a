/// The last will the broker publishes when the client goes away without a DISCONNECT
/// (MQTT 3.1.1 §3.1.2.5): Ampwise's is `offline` on its status topic, retained.
public struct MQTTWill: Sendable, Hashable {
    public var topic: String
    public var payload: [UInt8]
    public var qos: MQTTQoS
    public var retain: Bool

    public init(topic: String, payload: [UInt8], qos: MQTTQoS = .atLeastOnce, retain: Bool = true) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }
}
