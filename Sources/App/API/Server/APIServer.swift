import Logging
import Synchronization
import Transport

/// The HTTP API (docs/api.md): HTTP/1.1 with keep-alive and pipelining on `api.host:api.port`,
/// served by the central system's event loops with its HTTP parser.
///
/// ```swift
/// let api = try APIServer.start(configuration: configuration.api, dependencies: dependencies, group: group)
/// ...
/// api.stop()
/// ```
public final class APIServer: Sendable {
    /// The port actually bound (the assigned one when asked for port 0).
    public let localPort: Int
    public let host: String
    private let server: TCPServer

    /// Binds and starts serving. Warns loudly when the API listens beyond loopback without a
    /// token. Throws `TransportError.cannotListen` when the address is taken.
    public init(
        host: String, port: Int, token: String?, dependencies: APIDependencies, group: EventLoopGroup,
        limits: APIServerLimits = APIServerLimits(), eventStream: EventStreamSource? = nil
    ) throws(TransportError) {
        let router = APIRouter(
            routes: APIEndpoints.routes(dependencies), token: token, publicRoutes: DashboardEndpoints().routes,
            eventStream: eventStream)
        server = try TCPServer(host: host, port: port, group: group) { connection in
            APIConnectionHandler(connection: connection, router: router, limits: limits)
        }
        self.host = host
        self.localPort = server.localPort
        let logger = Logger(label: "api")
        logger.info("HTTP API listening on http://\(APIServer.displayHost(host)):\(localPort)")
        if token == nil && !APIServer.isLoopback(host) {
            logger.warning(
                "THE HTTP API IS OPEN TO THE NETWORK: it listens on \(host) without a token, so anyone who can "
                    + "reach port \(localPort) can start, stop and reset your chargers. Set api.token in the "
                    + "configuration, or api.host to 127.0.0.1.")
        }
    }

    /// `ampwise serve`'s call: the API as `api` in `ampwise.json` says.
    public static func start(
        configuration: AmpwiseConfiguration.API, dependencies: APIDependencies, group: EventLoopGroup,
        eventStream: EventStreamSource? = nil
    ) throws(TransportError) -> APIServer {
        try APIServer(
            host: configuration.host, port: configuration.port, token: configuration.token,
            dependencies: dependencies, group: group, eventStream: eventStream)
    }

    /// Stops accepting and closes every connection; from any thread but the group's loops.
    public func stop() {
        server.stop()
    }

    /// Whether `host` only accepts connections from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    private static func displayHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
