import Central
import Foundation
import TestSupport
import Testing

/// Issue 8: 5,000 wrong charger passwords took 1.3 s, each answered at once. Now each 401 waits
/// longer than the one before, on a timer, while other requests are served as usual
/// (docs/charger-management.md, "Failed logins").
@Suite struct FailedLoginTests {
    private static let wrong = [TestWebSocketClient.basicAuthorization(user: "garage", password: "guess")]
    private static let right = [TestWebSocketClient.basicAuthorization(user: "garage", password: "s3cret")]

    private func running(firstDelay: Double, maximumDelay: Double, waiting: Int = 16) throws -> RunningCentralSystem {
        var settings = AuthenticationThrottleSettings()
        settings.firstDelay = firstDelay
        settings.maximumDelay = maximumDelay
        settings.maximumWaitingPerAddress = waiting
        settings.halfLife = 3600  // no decay to speak of during a test
        return try RunningCentralSystem(authenticationThrottle: settings) { id in
            id == "garage" ? ChargerAccess(password: "s3cret") : nil
        }
    }

    /// An upgrade attempt, the seconds its answer took, and when the answer came.
    private static func attempt(
        port: UInt16, headers: [(String, String)]
    ) async throws -> (response: TestHTTPResponse, seconds: Double, answeredAt: ContinuousClock.Instant) {
        try await DedicatedThread.run {
            let start = ContinuousClock.now
            let response = try TestWebSocketClient.upgradeResponse(
                port: port, path: "/ocpp/garage", headers: headers, timeout: .seconds(60))
            let answeredAt = ContinuousClock.now
            let elapsed = start.duration(to: answeredAt)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return (response, seconds, answeredAt)
        }
    }

    private struct FailedLoginsNotCounted: Error, CustomStringConvertible {
        let expected: Int
        let counted: Int
        var description: String { "expected \(expected) failed logins within 60 s, counted \(counted)" }
    }

    /// Waits until the central system has counted `count` failed logins (it counts before the
    /// delayed answer goes out, so the answer cannot tell the test). The deadline only bounds a
    /// broken server: on a loaded machine the attempt's thread may start late.
    private static func waitForFailedLogins(_ count: Int, in central: CentralSystem) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while central.metrics.failedLogins < count {
            guard ContinuousClock.now < deadline else {
                throw FailedLoginsNotCounted(expected: count, counted: central.metrics.failedLogins)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func wrongPasswordsAreAnsweredEverLaterWhileTheRightOneGetsInAtOnce() async throws {
        let running = try running(firstDelay: 0.05, maximumDelay: 1.6)
        let port = running.port
        var seconds: [Double] = []
        for _ in 0..<6 {
            let (response, elapsed, _) = try await Self.attempt(port: port, headers: Self.wrong)
            #expect(response.statusCode == 401)
            seconds.append(elapsed)
        }
        // A timer never fires early: each answer took at least its delay, doubling each time (less
        // the little the failure count decayed between attempts).
        for (found, least) in zip(seconds, [0.05, 0.1, 0.2, 0.4, 0.8, 1.6]) {
            #expect(found >= least * 0.99, "\(seconds)")
        }
        // While the next wrong password waits 1.6 s, the right one (from the same address) gets in
        // before it: the wait is a timer on the loop, not a blocked thread. (The order is asserted,
        // not a wall-clock bound, which a loaded machine breaks.)
        async let slow = Self.attempt(port: port, headers: Self.wrong)
        try await Self.waitForFailedLogins(7, in: running.central)
        let fast = try await Self.attempt(port: port, headers: Self.right)
        #expect(fast.response.statusCode == 101)
        let late = try await slow
        #expect(late.response.statusCode == 401)
        #expect(late.seconds >= 1.6 * 0.99)
        #expect(fast.answeredAt < late.answeredAt, "the right password waited behind the wrong one")
        #expect(running.central.metrics.failedLogins == 7)
    }

    @Test func pastTheWaitingLimitRequestsAreTurnedAwayWith429WithoutTheirCredentialsBeingChecked() async throws {
        // The refusals wait 30 s: they are still waiting when the third request comes, however slow
        // the machine; the test ends by stopping the server, which closes them unanswered.
        let running = try running(firstDelay: 30, maximumDelay: 30, waiting: 2)
        let port = running.port
        async let first = Self.attempt(port: port, headers: Self.wrong)
        async let second = Self.attempt(port: port, headers: Self.wrong)
        try await Self.waitForFailedLogins(2, in: running.central)
        // Even the right password: answering it differently would tell a guesser it was right.
        let turnedAway = try await Self.attempt(port: port, headers: Self.right)
        #expect(turnedAway.response.statusCode == 429)
        #expect(turnedAway.response.headers["Retry-After"] == "30")
        #expect(turnedAway.seconds < 10)
        #expect(running.central.metrics.failedLogins == 2)
        let central = running.central
        try await DedicatedThread.run { central.stop() }
        _ = try? await first
        _ = try? await second
    }
}
