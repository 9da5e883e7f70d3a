import MQTT

/// What an `MQTTClient` tells its owner, in order, from the client's loop.
public enum MQTTClientEvent: Sendable {
    /// The broker accepted the connection (the first, or again after a loss): publish the full
    /// state again, since a restarted broker may have lost its retained messages, and QoS 0
    /// messages are not kept while the broker is away (`MQTTClientSession`).
    case connected
    /// The connection was lost or refused; the client retries after `retryInSeconds`.
    case disconnected(reason: String, retryInSeconds: Double)
    /// A message on a subscribed topic.
    case message(MQTTPublish)
    /// The broker refused a subscription (its access control, usually).
    case subscriptionRefused(filter: String)
    /// QoS 0 messages to these topics were dropped at the outgoing queue's bound (the broker
    /// takes them more slowly than they come): publish them again from the current state.
    case dropped(topics: [String])
}
