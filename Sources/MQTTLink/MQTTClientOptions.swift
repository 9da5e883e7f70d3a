import MQTT
import Transport

/// How an `MQTTClient` connects and what it holds back.
public struct MQTTClientOptions: Sendable {
    public var broker: MQTTBrokerAddress
    /// CONNECT: client id, credentials, keep-alive, the last will.
    public var connect: MQTTConnect
    /// Trust for `mqtts://` (nil: the system's CA store).
    public var tls: ClientTLSContext?
    public var session: MQTTSessionOptions
    /// Seconds for the name lookup and TCP connect.
    public var connectTimeout: Double
    public var backoff: ReconnectBackoff
    /// Queued bytes on the socket above which published messages wait in the session's bounded
    /// queue instead (the broker is not reading), and below which they flow again.
    public var writeHighWatermark: Int
    public var writeLowWatermark: Int
    /// The most a connection may hold unsent before it is dropped (the socket's own bound).
    public var writeQueueLimit: Int
    /// The largest packet accepted from the broker.
    public var maximumIncomingPacketBytes: Int

    public init(
        broker: MQTTBrokerAddress, connect: MQTTConnect, tls: ClientTLSContext? = nil,
        session: MQTTSessionOptions = MQTTSessionOptions(), connectTimeout: Double = 10,
        backoff: ReconnectBackoff = ReconnectBackoff(), writeHighWatermark: Int = 256 * 1024,
        writeLowWatermark: Int = 64 * 1024, writeQueueLimit: Int = 4 * 1024 * 1024,
        maximumIncomingPacketBytes: Int = 1 << 20
    ) {
        self.broker = broker
        self.connect = connect
        self.tls = tls
        self.session = session
        self.connectTimeout = connectTimeout
        self.backoff = backoff
        self.writeHighWatermark = writeHighWatermark
        self.writeLowWatermark = writeLowWatermark
        self.writeQueueLimit = writeQueueLimit
        self.maximumIncomingPacketBytes = maximumIncomingPacketBytes
    }
}
