import Foundation
import Testing

@testable import Scheduling

@Suite struct ManualOverrideTests {
    @Test func theLimitOverrideSitsAboveEveryRuleIncludingPause() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(charging: .pause, limitAmps: 6)
        driver.policy.setLimitOverride(amps: 12, connector: driver.connector, now: PolicyDriver.time(0))
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("12")])
        let decision = driver.policy.effectiveDecision(
            intent: driver.intent, connector: driver.connector, charger: driver.charger, now: PolicyDriver.time(0))
        #expect(decision.limitSource == .override)
        #expect(decision.limitAmps == 12)
        #expect(decision.charging == .charge)
    }

    @Test func anOverrideIncreaseIsNotPaced() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 8
        _ = driver.run(at: 0)
        driver.policy.setLimitOverride(amps: 16, connector: driver.connector, now: PolicyDriver.time(1))
        #expect(driver.run(at: 1) == [PolicyDriver.txDefault("16")])
    }

    @Test func theOverrideExpiresAtItsTime() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 8
        driver.policy.setLimitOverride(amps: 12, minutes: 60, connector: driver.connector, now: PolicyDriver.time(0))
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("12")])
        #expect(driver.policy.nextWakeUp == PolicyDriver.time(3600))
        #expect(driver.run(at: 3599) == [])
        #expect(driver.run(at: 3600) == [PolicyDriver.txDefault("8")])
        #expect(driver.policy.limitOverride == nil)
    }

    @Test func theOverrideEndsWithTheSession() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 8
        driver.policy.setLimitOverride(amps: 12, connector: driver.connector, now: PolicyDriver.time(0))
        _ = driver.run(at: 0)
        driver.connector = ConnectorFacts(connectorId: 1, status: .finishing)
        #expect(driver.run(at: 10) == [PolicyDriver.txDefault("8")])
        let decision = driver.policy.effectiveDecision(
            intent: driver.intent, connector: driver.connector, charger: driver.charger, now: PolicyDriver.time(10))
        #expect(decision.limitSource == .rules)
    }

    @Test func anOverrideSetBeforePluggingInHoldsForTheNextSession() {
        var driver = PolicyDriver()
        driver.connector = ConnectorFacts(connectorId: 1, status: .available)
        driver.intent.limitAmps = 8
        driver.policy.setLimitOverride(amps: 12, connector: driver.connector, now: PolicyDriver.time(0))
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("12")])
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 9)
        #expect(driver.run(at: 10) == [])
        #expect(driver.policy.limitOverride?.transactionId == 9)
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 10)
        #expect(driver.run(at: 20) == [PolicyDriver.txDefault("8")])
    }

    @Test func deleteGivesTheDecisionBackToTheRules() {
        var driver = PolicyDriver()
        driver.policy.setLimitOverride(amps: 12, connector: driver.connector, now: PolicyDriver.time(0))
        _ = driver.run(at: 0)
        driver.policy.clearLimitOverride()
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":101}"])
    }

    @Test func wattsBecomeAmpsWithTheChargersVoltageAndPhases() {
        #expect(ChargerFacts(voltage: 230, phases: 3).amps(fromWatts: 6900) == 10)
        #expect(ChargerFacts(voltage: 230, phases: 1).amps(fromWatts: 2300) == 10)
    }

    @Test func manualStopAndAvailabilityOverrideTheRules() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(availability: .available)
        driver.policy.setSessionOverride(.stop, connector: driver.connector, now: PolicyDriver.time(0))
        driver.policy.setAvailabilityOverride(.unavailable, now: PolicyDriver.time(0))
        #expect(
            driver.run(at: 0) == [
                "RemoteStopTransaction {\"transactionId\":7}",
                "ChangeAvailability {\"connectorId\":1,\"type\":\"Inoperative\"}",
            ])
        driver.connector = ConnectorFacts(connectorId: 1, status: .finishing)
        #expect(driver.run(at: 10) == [])
        #expect(driver.policy.sessionOverride == nil)
        #expect(driver.policy.availabilityOverride?.value == .unavailable)
        driver.policy.clearAvailabilityOverride()
        #expect(driver.run(at: 11) == ["ChangeAvailability {\"connectorId\":1,\"type\":\"Operative\"}"])
    }
}
