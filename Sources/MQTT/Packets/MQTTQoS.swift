/// The delivery guarantees Ampwise speaks (MQTT 3.1.1 §4.3). QoS 2 is not used: every message
/// Ampwise sends or takes is a state or an idempotent command, for which "at least once" is enough.
public enum MQTTQoS: UInt8, Sendable, Hashable, Comparable {
    case atMostOnce = 0
    case atLeastOnce = 1

    public static func < (lhs: MQTTQoS, rhs: MQTTQoS) -> Bool { lhs.rawValue < rhs.rawValue }
}
