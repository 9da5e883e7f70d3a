import Central
import Foundation
import TestSupport
import Testing
import WebSocket

/// A changed password is kept as a PBKDF2 hash (docs/security.md, "Password rotation"): checking
/// it takes about 28 ms, which on the event loop held up every other charger on that loop, for
/// every wrong attempt. The check now runs off the loop, and the upgrade is answered once it ends.
@Suite struct PasswordCheckTests {
    private static let password = "slow-to-check-pass-1"

    /// One loop, and a hash that takes a good part of a second to check, so that a blocked loop shows
    /// (the handshake timeout well above it, for a loaded machine).
    private func running() throws -> RunningCentralSystem {
        let passwords = ChargerPasswords()
        let hash = PasswordHash(hashing: Array(Self.password.utf8), iterations: 1_000_000)
        passwords.load(["garage": ChargerPasswords.Entry(current: hash)]) { _, _ in }
        return try RunningCentralSystem(handshakeTimeout: 120, loopCount: 1, passwords: passwords) { _ in
            ChargerAccess()
        }
    }

    /// An upgrade of `chargerId` and when it was answered.
    private static func attempt(
        port: UInt16, chargerId: String, password: String?
    ) async throws -> (response: TestHTTPResponse, answeredAt: ContinuousClock.Instant) {
        let headers = password.map { [TestWebSocketClient.basicAuthorization(user: chargerId, password: $0)] } ?? []
        return try await DedicatedThread.run {
            let response = try TestWebSocketClient.upgradeResponse(
                port: port, path: "/ocpp/\(chargerId)", headers: headers, timeout: .seconds(60))
            return (response, ContinuousClock.now)
        }
    }

    @Test func anotherChargerOnTheLoopIsServedWhileAPasswordIsChecked() async throws {
        let running = try running()
        let port = running.port
        // The charger with the password sends its upgrade first, by hand, so that the loop has it
        // before the other charger connects.
        let authorization = TestWebSocketClient.basicAuthorization(user: "garage", password: Self.password)
        let socket = try BlockingSocket(port: Int(port), timeout: 60)
        try socket.send(
            "GET /ocpp/garage HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: ocpp1.6\r\n\(authorization.0): \(authorization.1)\r\n\r\n")
        let box = UncheckedSocket(socket: socket)
        async let checked = DedicatedThread.run { () throws -> (String, ContinuousClock.Instant) in
            let statusLine = try box.socket.receive(exactly: 12)
            return (String(decoding: statusLine, as: UTF8.self), ContinuousClock.now)
        }
        let other = try await Self.attempt(port: port, chargerId: "street", password: nil)
        let (statusLine, checkedAt) = try await checked
        #expect(other.response.statusCode == 101)
        // The right password gets in, but only once its check has ended: after the other charger.
        #expect(statusLine == "HTTP/1.1 101")
        #expect(other.answeredAt < checkedAt)
    }

    /// The blocking socket crosses into the reading thread, which alone uses it from then on.
    private struct UncheckedSocket: @unchecked Sendable {
        let socket: BlockingSocket
    }

    @Test func aWrongPasswordIsRefusedOnceChecked() async throws {
        let running = try running()
        let refused = try await Self.attempt(port: running.port, chargerId: "garage", password: "not-the-password-99")
        #expect(refused.response.statusCode == 401)
        #expect(running.central.metrics.failedLogins == 1)
    }
}
