/// What the session tells its owner after a step.
public enum MQTTSessionEvent: Sendable, Hashable {
    /// The broker accepted CONNECT; subscriptions are being renewed and waiting messages sent.
    case connected(sessionPresent: Bool)
    /// A message arrived on a subscribed topic.
    case message(MQTTPublish)
    /// The broker answered a SUBSCRIBE: each filter with what it granted (a `failure` means the
    /// broker refused that filter, usually its access control).
    case subscribed([MQTTSubscription], [MQTTSubscribeReturnCode])
}
