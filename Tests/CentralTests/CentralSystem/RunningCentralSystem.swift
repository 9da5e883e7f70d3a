import Central
import Foundation
import TestSupport
import Transport

/// A `CentralSystem` on a free loopback port for one test, stopped when the test ends. With a
/// `clock`, its event loops' timers (handshake, ping, pong and call timeouts) count the clock's
/// time, which moves only when the test advances it.
final class RunningCentralSystem: Sendable {
    let central: CentralSystem
    let port: UInt16
    let events: AsyncStream<CentralEvent>
    private let group: EventLoopGroup?

    init(
        handler: any IncomingCallHandler = CoreCallHandler(heartbeatInterval: 60), tls: TLSContext? = nil,
        callTimeout: Double = 5, pingInterval: Double = 60, pingTimeout: Double = 60, handshakeTimeout: Double = 5,
        maxMessageBytes: Int = 1 << 20, maxBufferedBytes: Int = 64 << 20,
        authenticationThrottle: AuthenticationThrottleSettings = AuthenticationThrottleSettings(),
        clock: ManualClock? = nil, loopCount: Int = 2, passwords: ChargerPasswords = ChargerPasswords(),
        access: @escaping @Sendable (String) -> ChargerAccess? = { _ in ChargerAccess() }
    ) throws {
        var configuration = CentralConfiguration(
            host: "127.0.0.1", port: 0, tls: tls, heartbeatInterval: 60, pingInterval: pingInterval,
            pingTimeout: pingTimeout, callTimeout: callTimeout, maxMessageBytes: maxMessageBytes,
            maxBufferedBytes: maxBufferedBytes, handshakeTimeout: handshakeTimeout, loopCount: loopCount,
            authenticationThrottle: authenticationThrottle, access: access)
        configuration.passwords = passwords
        let group = clock.map { EventLoopGroup(loopCount: loopCount, clock: $0) }
        self.group = group
        central = CentralSystem(configuration: configuration, handler: handler, group: group)
        events = central.events()
        do {
            port = UInt16(try central.start())
        } catch {
            group?.shutdown()
            throw error
        }
    }

    deinit {
        central.stop()
        group?.shutdown()
    }

    /// Waits until the charger's upgrade has been registered (the client sees 101 first).
    func waitUntilConnected(_ chargerId: String) async throws {
        for await event in events {
            if case .connected(let info, _) = event, info.chargerId == chargerId { return }
        }
    }
}

/// A `TestWebSocketClient` that can cross into the client thread (it is used by one thread at a time).
struct ClientBox: @unchecked Sendable {
    let client: TestWebSocketClient
}

/// Connects a test client on the client thread.
func connectClient(port: UInt16, path: String) async throws -> ClientBox {
    try await offPool { ClientBox(client: try TestWebSocketClient.connect(port: port, path: path)) }
}
