import MQTT

/// How one input is read from MQTT: the topic (a topic filter: `+` and `#` may stand for levels),
/// and how its payload is read, the way an HTTP source reads a body (`reading`: a number, or JSON
/// with a `path`, then `scale`).
public struct MQTTInputSpec: Sendable, Equatable {
    public var topic: MQTTTopicFilter
    public var reading: HTTPInputSpec

    public init(topic: MQTTTopicFilter, reading: HTTPInputSpec) {
        self.topic = topic
        self.reading = reading
    }
}
