/// The limits of a client session.
public struct MQTTSessionOptions: Sendable {
    /// QoS 1 messages sent and not yet acknowledged; more wait in the outgoing queue.
    public var maximumInFlight: Int
    /// Bounds of the outgoing queue (`MQTTOutgoingQueue`).
    public var maximumQueuedMessages: Int
    public var maximumQueuedBytes: Int
    /// Bytes of waiting messages handed out in one step, so that the owner can stop taking them
    /// when its socket holds enough (and not encode the whole queue into the socket's buffer).
    public var maximumBytesPerBurst: Int
    /// How long to wait for CONNACK after CONNECT.
    public var connackTimeout: Duration

    public init(
        maximumInFlight: Int = 64, maximumQueuedMessages: Int = 50_000, maximumQueuedBytes: Int = 16 << 20,
        maximumBytesPerBurst: Int = 64 << 10, connackTimeout: Duration = .seconds(30)
    ) {
        precondition(maximumInFlight > 0)
        self.maximumInFlight = maximumInFlight
        self.maximumQueuedMessages = maximumQueuedMessages
        self.maximumQueuedBytes = maximumQueuedBytes
        self.maximumBytesPerBurst = maximumBytesPerBurst
        self.connackTimeout = connackTimeout
    }
}
