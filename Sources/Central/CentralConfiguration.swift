import Transport
import WebSocket

/// How the central system listens and treats chargers; built by the App from `ampwise.json`.
public struct CentralConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var tls: TLSContext?
    /// With `tls`: `port` serves `ws://` and this port `wss://`, side by side (chargers move to TLS
    /// one by one); nil: `port` serves `wss://` only when `tls` is set.
    public var tlsPort: Int?
    public var heartbeatInterval: Int
    public var pingInterval: Double
    public var pingTimeout: Double
    public var callTimeout: Double
    public var maxMessageBytes: Int
    /// The most bytes all connections together may hold for unfinished messages; past it the
    /// connections holding the most are closed with 1009.
    public var maxBufferedBytes: Int
    /// How long a new connection may take to complete its HTTP upgrade.
    public var handshakeTimeout: Double
    /// How long a server-initiated close waits for the peer's close frame.
    public var closeTimeout: Double
    public var loopCount: Int
    /// The subprotocols accepted, in order of preference (`central.protocols`, SPEC §12).
    public var protocols: [String]
    /// How failed charger logins are slowed down and reported (not in the configuration file).
    public var authenticationThrottle: AuthenticationThrottleSettings
    /// Passwords changed through the API, which outrank `access`'s (docs/security.md).
    public var passwords = ChargerPasswords()
    /// Who may connect: nil refuses the charger (404), else its password and parsing mode.
    public var access: @Sendable (String) -> ChargerAccess?

    public init(
        host: String = "0.0.0.0", port: Int = 9000, tls: TLSContext? = nil, heartbeatInterval: Int = 300,
        pingInterval: Double = 20, pingTimeout: Double = 20, callTimeout: Double = 30,
        maxMessageBytes: Int = 1 << 20, maxBufferedBytes: Int = 64 << 20, handshakeTimeout: Double = 10,
        closeTimeout: Double = 5, loopCount: Int = EventLoopGroup.coreCount, tlsPort: Int? = nil,
        protocols: [String] = [WebSocketUpgrade.ocpp16, WebSocketUpgrade.ocpp201],
        authenticationThrottle: AuthenticationThrottleSettings = AuthenticationThrottleSettings(),
        access: @escaping @Sendable (String) -> ChargerAccess? = { _ in ChargerAccess() }
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.tlsPort = tlsPort
        self.heartbeatInterval = heartbeatInterval
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.callTimeout = callTimeout
        self.maxMessageBytes = maxMessageBytes
        self.maxBufferedBytes = maxBufferedBytes
        self.handshakeTimeout = handshakeTimeout
        self.closeTimeout = closeTimeout
        self.loopCount = loopCount
        self.protocols = protocols
        self.authenticationThrottle = authenticationThrottle
        self.access = access
    }
}
