/// What an `MQTTClient` holds for the broker and what it had to drop, as of its loop's last step
/// (`MQTTClient.figures`, for `/metrics` and the benchmarks; docs/mqtt.md, "Memory and the broker").
public struct MQTTClientFigures: Sendable, Equatable {
    /// Whether the broker has accepted the current connection.
    public var connected = false
    /// Messages waiting in the session's queue (one per topic).
    public var waiting = 0
    /// Their topics' and payloads' bytes.
    public var waitingBytes = 0
    /// QoS 1 messages sent and not yet acknowledged.
    public var inFlight = 0
    /// QoS 0 messages dropped at the queue's bound since start-up (each topic published again
    /// by the owner from its current state).
    public var dropped = 0

    public init() {}
}
