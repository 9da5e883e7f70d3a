import Foundation
import Testing

@testable import Scheduling

@Suite struct LimitPacingTests {
    @Test func firstLimitIsSentAtOnce() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("16")])
        #expect(driver.policy.installedProfile?.amps == 16)
        #expect(driver.run(at: 1) == [])
    }

    @Test(arguments: [
        (15.6, false), (16.4, false), (15.5, true), (16.5, true), (16.0, false), (12.0, true),
    ])
    func changesInsideTheDeadbandAreNotSent(next: Double, sent: Bool) {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        driver.charger.maxCurrent = 32
        _ = driver.run(at: 0)
        driver.intent.limitAmps = next
        #expect(driver.run(at: 60).count == (sent ? 1 : 0))
    }

    @Test func decreasesGoAtOnceAndIncreasesWaitForTheInterval() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        _ = driver.run(at: 0)
        driver.intent.limitAmps = 10
        #expect(driver.run(at: 5) == [PolicyDriver.txDefault("10")])
        driver.intent.limitAmps = 16
        #expect(driver.run(at: 8) == [])
        #expect(driver.policy.nextWakeUp == PolicyDriver.time(15))
        #expect(driver.run(at: 14.9) == [])
        #expect(driver.run(at: 15) == [PolicyDriver.txDefault("16")])
        #expect(driver.policy.nextWakeUp == nil)
    }

    @Test func limitIsClippedToMaxCurrentAndBelowMinCurrentPauses() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 40
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("16")])
        driver.intent.limitAmps = 4
        #expect(driver.run(at: 1) == [PolicyDriver.txDefault("0")])
        let decision = driver.policy.effectiveDecision(
            intent: driver.intent, connector: driver.connector, charger: driver.charger, now: PolicyDriver.time(1))
        #expect(decision.charging == .pause)
    }

    @Test func chargingWithoutALimitOpinionWithdrawsThePauseProfile() {
        var driver = PolicyDriver()
        driver.intent.charging = .pause
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("0")])
        driver.intent.charging = .charge
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":101}"])
        #expect(driver.policy.installedProfile == nil)
    }

    /// Solar following: a limit that follows the surplus, held steady by the deadband and pacing.
    @Test func aFollowingLimitIsDeadbandedAndPaced() {
        var driver = PolicyDriver()
        let steps: [(at: Double, amps: Double, sent: String?)] = [
            (0, 10, "10"), (2, 10.3, nil), (4, 12, nil), (10, 12, "12"), (11, 9, "9"), (15, 9.4, nil),
            (20, 11, nil), (21, 11, "11"), (22, 10.6, nil), (23, 6.2, "6.2"), (24, 5.9, "0"), (30, 8, nil),
            (34, 8, "8"),
        ]
        for step in steps {
            driver.intent.limitAmps = step.amps
            let sent = driver.run(at: step.at)
            #expect(sent == (step.sent.map { [PolicyDriver.txDefault($0)] } ?? []), "at \(step.at) s")
        }
    }
}
