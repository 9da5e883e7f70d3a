/// Tuning of a `TCPServer` and its connections. The defaults suit 10,000 chargers per server.
public struct ServerOptions: Sendable {
    /// The listen backlog: 10,000 chargers reconnect in a burst after a restart.
    public var backlog: Int32 = 4096
    /// Queued outgoing bytes above which the connection stops reading (back-pressure), so a peer
    /// that does not read cannot make us buffer its replies without bound.
    public var writeHighWatermark = 256 * 1024
    /// Queued outgoing bytes below which a paused connection reads again.
    public var writeLowWatermark = 64 * 1024
    /// Queued outgoing bytes at which the connection is aborted.
    public var writeQueueLimit = 8 * 1024 * 1024
    /// Seconds allowed for the TLS handshake before the connection is dropped.
    public var tlsHandshakeTimeout: Double = 10
    /// Seconds `close()` may spend flushing before the connection is aborted.
    public var closeTimeout: Double = 5

    /// The defaults; change fields as needed.
    public init() {}
}
