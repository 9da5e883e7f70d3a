extension EventLoopGroup {
    /// Opens a TCP connection to `host`:`port` (a name, an IPv4 or an IPv6 address), under TLS
    /// when `tls` is given, and hands its events to the handler `makeHandler` returns. Any thread;
    /// never blocks: the name is resolved off the loops, the connect is non-blocking.
    ///
    /// `makeHandler` runs on `loop` (by default the next loop of the group) before anything else;
    /// see `ClientConnectionHandler` for the events that follow. `timeout` (seconds) covers the
    /// name resolution and the TCP connect; the TLS handshake then has `options.tlsHandshakeTimeout`.
    /// Under TLS the peer's certificate must verify (`tls`'s trust) and name `serverName` (default
    /// `host`), which is also sent as SNI. The connection lives like an accepted one (`Connection`:
    /// writes, back-pressure, `close()`); it is aborted when its loop stops. With `addresses`, the
    /// name is resolved only when the cache has no fresh entry for it, and the entry is forgotten
    /// when no connection can be made to its addresses.
    ///
    /// ```swift
    /// group.connect(host: "10.0.0.8", port: 502, timeout: 5) { loop in ModbusHandler(...) }
    /// ```
    public func connect(
        host: String, port: Int, tls: ClientTLSContext? = nil, serverName: String? = nil, timeout: Double = 10,
        options: ServerOptions = ServerOptions(), addresses: AddressCache? = nil, on loop: EventLoop? = nil,
        handler makeHandler: @escaping @Sendable (EventLoop) -> any ClientConnectionHandler
    ) {
        let loop = loop ?? next()
        loop.execute {
            let attempt = ConnectAttempt(
                loop: loop, host: host, port: port, tls: tls, serverName: serverName ?? host, options: options,
                addressCache: addresses, handler: makeHandler(loop))
            attempt.start(timeout: timeout)
        }
    }
}
