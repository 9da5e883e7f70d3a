import TestSupport
import Testing

@testable import Central

/// The throttle as a value with the time passed in: delays, decay, the waiting limit, summary
/// lines and the bounded table (docs/charger-management.md, "Failed logins").
@Suite struct AuthenticationThrottleTests {
    private let attacker = "203.0.113.9"

    private func delays(_ throttle: inout AuthenticationThrottle, count: Int, at now: Double) -> [Double] {
        (0..<count).map { _ in throttle.recordFailure(from: attacker, chargerId: "CP1", at: now).delay }
    }

    @Test func eachFailureIsAnsweredLaterDoublingFrom100MillisecondsUpTo5Seconds() {
        var throttle = AuthenticationThrottle(now: 0)
        let found = delays(&throttle, count: 9, at: 0)
        let expected = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5, 5, 5]
        #expect(zip(found, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(found)")
    }

    @Test func theCountHalvesEveryHalfLifeOnceTheAddressStopsFailing() {
        var throttle = AuthenticationThrottle(now: 0)
        _ = delays(&throttle, count: 100, at: 0)
        #expect(throttle.delay(for: attacker, at: 0) == 5)
        // The count is capped (log2(5 / 0.1) + 3 ≈ 8.6), so recovery does not wait for 100 to decay.
        #expect(throttle.delay(for: attacker, at: 60) < 5)
        #expect(abs(throttle.delay(for: attacker, at: 600) - 0.1) < 0.001)
        #expect(throttle.delay(for: "198.51.100.7", at: 0) == 0.1)
    }

    @Test func aChargerWithAMistypedPasswordRetryingEachMinuteStaysNearTheFirstDelay() {
        var throttle = AuthenticationThrottle(now: 0)
        var last = 0.0
        for minute in 0..<60 {
            last = throttle.recordFailure(from: "192.0.2.1", chargerId: "garage", at: Double(minute) * 60).delay
            throttle.refusalAnswered("192.0.2.1")
        }
        #expect(last < 0.15)
    }

    @Test func pastTheWaitingLimitAnAddressIsSaturatedUntilItsRefusalsAreAnswered() {
        var throttle = AuthenticationThrottle(now: 0)
        _ = delays(&throttle, count: 15, at: 0)
        #expect(!throttle.isSaturated(attacker))
        _ = delays(&throttle, count: 1, at: 0)
        #expect(throttle.isSaturated(attacker))
        #expect(!throttle.isSaturated("198.51.100.7"))
        throttle.refusalAnswered(attacker)
        #expect(!throttle.isSaturated(attacker))
    }

    @Test func theFirstFailureGetsALineAndTheRestOneSummaryPerPeriod() {
        var throttle = AuthenticationThrottle(now: 0)
        let first = throttle.recordFailure(from: attacker, chargerId: "CP1", at: 0)
        #expect(first.logIndividually && first.opensWindow)
        for index in 1..<4980 {
            let verdict = throttle.recordFailure(from: attacker, chargerId: "CP\(index % 7)", at: Double(index) / 100)
            #expect(!verdict.logIndividually && !verdict.opensWindow && verdict.reports.isEmpty)
            throttle.refusalAnswered(attacker)
        }
        throttle.recordTurnedAway(attacker)
        let (reports, watchAgain) = throttle.windowEnded(for: attacker, at: 60)
        #expect(watchAgain)
        #expect(
            reports.map(\.message.text) == [
                "203.0.113.9: 4,979 more failed logins in the last 60 s (charger ids: CP1, CP2, CP3, CP4, CP5, ...); "
                    + "1 more requests turned away with 429; each failure is now answered after 5.0 s"
            ])
        // A quiet period ends the watch; the next failure gets a line of its own again.
        #expect(throttle.windowEnded(for: attacker, at: 120) == ([], false))
        #expect(throttle.recordFailure(from: attacker, chargerId: "CP1", at: 130).logIndividually)
    }

    @Test func chargerIdsInTheSummaryAreEscaped() {
        var throttle = AuthenticationThrottle(now: 0)
        _ = throttle.recordFailure(from: attacker, chargerId: "CP1", at: 0)
        _ = throttle.recordFailure(from: attacker, chargerId: "CP\r\nforged", at: 1)
        let text = throttle.windowEnded(for: attacker, at: 60).reports.first?.message.text ?? ""
        #expect(text.contains(#"(charger ids: CP\r\nforged)"#))
        #expect(!text.contains("\n"))
    }

    @Test func shutdownReportsWhatWasNotReportedYet() {
        var throttle = AuthenticationThrottle(now: 0)
        _ = delays(&throttle, count: 6, at: 0)
        #expect(
            throttle.drain(at: 12.34).map(\.message.text) == [
                "203.0.113.9: 5 more failed logins in the last 12 s (charger ids: CP1); each failure is now answered after 2.3 s"
            ])
        #expect(throttle.drain(at: 13).isEmpty)
    }

    @Test func linesAreLimitedPerPeriodOverAllAddresses() {
        var settings = AuthenticationThrottleSettings()
        settings.maximumLinesPerPeriod = 3
        var throttle = AuthenticationThrottle(settings: settings, now: 0)
        let logged = (0..<10).filter { index in
            throttle.recordFailure(from: "198.51.100.\(index)", chargerId: "CP1", at: 1).logIndividually
        }
        #expect(logged.count == 3)
        let next = throttle.recordFailure(from: "192.0.2.200", chargerId: "CP1", at: 61)
        #expect(next.logIndividually)
        #expect(
            next.reports.map(\.message.text) == [
                "7 failed logins from 7 addresses in the last 61 s were not logged one by one"
            ])
    }

    /// 250,000 addresses (250 times the capacity), each failing once: the table stays within its
    /// capacity, however many come, and an address that fails more often than the crowd is not
    /// forgotten. (One that fails as rarely as each of the others cannot be told apart from them in
    /// bounded memory.)
    @Test func aQuarterMillionAddressesDoNotGrowTheTableBeyondItsCapacity() async throws {
        let attacker = attacker
        // Seconds of work: on a thread of its own, not one of the few the other tests' tasks need.
        let (largest, attackerDelay) = try await DedicatedThread.run {
            var settings = AuthenticationThrottleSettings()
            settings.capacity = 1000
            var throttle = AuthenticationThrottle(settings: settings, now: 0)
            var largest = 0
            for index in 0..<250_000 {
                let now = Double(index) / 2500
                if index % 100 == 0 {
                    _ = throttle.recordFailure(from: attacker, chargerId: "CP1", at: now)
                    throttle.refusalAnswered(attacker)
                }
                _ = throttle.recordFailure(from: String(index), chargerId: "x", at: now)
                largest = max(largest, throttle.trackedAddressCount)
            }
            return (largest, throttle.delay(for: attacker, at: 100))
        }
        #expect(largest <= 1000)
        #expect(attackerDelay == 5)
    }

    @Test func addressesAreHostsAndIPv6AddressesTheirSlash64() {
        #expect(RemoteHost.throttleKey(of: "203.0.113.9:53211") == "203.0.113.9")
        #expect(RemoteHost.throttleKey(of: "[::1]:8080") == "0:0:0:0::/64")
        #expect(RemoteHost.throttleKey(of: "[2001:db8:1:2:aaaa::1]:443") == "2001:db8:1:2::/64")
        #expect(RemoteHost.throttleKey(of: "[2001:db8:1:2:bbbb::9]:443") == "2001:db8:1:2::/64")
        #expect(RemoteHost.throttleKey(of: "[::ffff:198.51.100.7]:443") == "198.51.100.7")
        #expect(RemoteHost.throttleKey(of: "unknown") == "unknown")
    }

    @Test func countsAreWrittenWithThousandsSeparators() {
        #expect(AuthenticationFailureReport.grouped(4980) == "4,980")
        #expect(AuthenticationFailureReport.grouped(999) == "999")
        #expect(AuthenticationFailureReport.grouped(1_234_567) == "1,234,567")
    }
}
