/// One entry of a SUBACK (MQTT 3.1.1 §3.9.3): the QoS granted, or a failure (0x80).
public enum MQTTSubscribeReturnCode: Sendable, Hashable {
    case granted(MQTTQoS)
    /// QoS 2 granted: Ampwise asked for at most 1, so a broker never grants it, but it decodes.
    case grantedExactlyOnce
    case failure
}
