import Foundation
import Testing

@testable import Scheduler

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
}
