/// The limits of a client session.
public struct MQTTSessionOptions: Sendable {
    /// QoS 1 messages sent and not yet acknowledged; more wait in the outgoing queue.
    public var maximumInFlight: Int
    /// Bounds of the outgoing queue (`MQTTOutgoingQueue`).
    public var maximumQueuedMessages: Int
    public var maximumQueuedBytes: Int
    /// How long to wait for CONNACK after CONNECT.
    public var connackTimeout: Duration

    public init(
        maximumInFlight: Int = 64, maximumQueuedMessages: Int = 50_000, maximumQueuedBytes: Int = 16 << 20,
        connackTimeout: Duration = .seconds(30)
    ) {
        precondition(maximumInFlight > 0)
        self.maximumInFlight = maximumInFlight
        self.maximumQueuedMessages = maximumQueuedMessages
        self.maximumQueuedBytes = maximumQueuedBytes
        self.connackTimeout = connackTimeout
    }
}
