/// Bounds on what one API connection may ask of the server.
public struct APIServerLimits: Sendable, Equatable {
    /// The largest request body accepted (413 above).
    public var maxBodyBytes = 1 << 20
    /// The request line and header fields together (431 above).
    public var maxHeaderBytes = 16 * 1024
    /// Seconds a keep-alive connection may sit with no request in progress before it is closed.
    public var idleTimeout: Double = 60
    /// Pipelined requests handled at once per connection; later ones wait in the read buffer
    /// until earlier answers have been written.
    public var maxPipelinedRequests = 32
    /// Seconds between the comment lines that keep an idle event stream open (docs/api.md).
    public var eventKeepAlive: Double = 15
    /// Bytes an event stream may have waiting unsent before its client counts as too slow and is
    /// dropped (it reconnects and catches up with `Last-Event-ID`).
    public var maxEventStreamQueuedBytes = 1 << 20

    /// The defaults; change fields as needed.
    public init() {}
}
