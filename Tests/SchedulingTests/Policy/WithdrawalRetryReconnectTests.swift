import Foundation
import Testing

@testable import Scheduling

@Suite struct WithdrawalRetryReconnectTests {
    @Test func withdrawalSendsExactlyOneClearOfOurProfile() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        _ = driver.run(at: 0)
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":101}"])
        #expect(driver.run(at: 2) == [])
        #expect(driver.run(at: 100) == [])
    }

    @Test func withdrawalOfAFallbackProfileClearsThatProfilesId() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        _ = driver.run(at: 0, answering: [.rejected, .rejected, .accepted])
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":300}"])
    }

    @Test func nothingIsWithdrawnWhenAmpwiseNeverSetAProfile() {
        var driver = PolicyDriver()
        #expect(driver.run(at: 0) == [])
    }

    @Test func aProfileLeftFromBeforeARestartIsWithdrawnOnceWhenNoLimitIsWanted() {
        var driver = PolicyDriver()
        driver.policy.leftoverProfile = .txDefaultProfile
        let sent = driver.commands(at: 0)
        #expect(sent.map(PolicyDriver.line) == ["ClearChargingProfile {\"id\":101}"])
        #expect(sent.first?.reason == .withdrawLeftover)
        // Most often the charger no longer holds it: Unknown counts as withdrawn.
        _ = driver.policy.record(.unknown, for: sent[0], now: PolicyDriver.time(0))
        #expect(driver.policy.leftoverProfile == nil)
        #expect(driver.run(at: 60) == [])
    }

    @Test func aLeftoverProfileIsReplacedNotWithdrawnWhenALimitIsWanted() {
        var driver = PolicyDriver()
        driver.policy.leftoverProfile = .txDefaultProfile
        driver.intent.limitAmps = 10
        #expect(driver.run(at: 0).count == 1)
        #expect(driver.policy.leftoverProfile == nil)
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":101}"])
        #expect(driver.run(at: 60) == [])
    }

    @Test func clearAnsweredUnknownCountsAsWithdrawn() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        _ = driver.run(at: 0)
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1, answering: [.unknown]).count == 1)
        #expect(driver.policy.installedProfile == nil)
        #expect(driver.run(at: 60) == [])
    }

    @Test(arguments: [
        CommandAnswer.rejected, .notSupported, .callError(code: "InternalError"), .timeout, .notConnected,
    ])
    func failuresAreKeptAndRetriedEveryRetryIntervalNotBefore(outcome: CommandAnswer) {
        var driver = PolicyDriver()
        driver.charger.hasSingleConnector = false
        driver.connector = ConnectorFacts(connectorId: 1, status: .available)
        driver.intent.limitAmps = 10
        #expect(driver.run(at: 0, answering: [outcome]).count == 1)
        #expect(
            driver.policy.failures[.limit]
                == CommandFailure(reason: .limit(amps: 10), outcome: outcome, at: PolicyDriver.time(0)))
        #expect(driver.run(at: 29.9, answering: [outcome]) == [])
        #expect(driver.run(at: 30, answering: [outcome]).count == 1)
        #expect(driver.run(at: 59, answering: [outcome]) == [])
        #expect(driver.run(at: 60).count == 1)
        #expect(driver.policy.failures[.limit] == nil)
    }

    @Test func aNewDecisionReplacesThePendingRetry() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        _ = driver.run(at: 0, answering: [.timeout])
        driver.intent.limitAmps = 8
        #expect(driver.run(at: 5) == [PolicyDriver.txDefault("8")])
    }

    @Test func anOutcomeOfASupersededCommandChangesNothing() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        let old = driver.commands(at: 0)
        driver.intent.limitAmps = 8
        let new = driver.commands(at: 1)
        #expect(new.map(PolicyDriver.line) == [PolicyDriver.txDefault("8")])
        #expect(driver.policy.record(.accepted, for: old[0], now: PolicyDriver.time(2)).wasCurrent == false)
        #expect(driver.policy.installedProfile == nil)
        driver.policy.record(.accepted, for: new[0], now: PolicyDriver.time(2))
        #expect(driver.policy.installedProfile?.amps == 8)
    }

    @Test func aCommandInFlightIsNotSentAgain() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        #expect(driver.commands(at: 0).count == 1)
        #expect(driver.commands(at: 100).count == 0)
    }

    @Test func aRebootedChargerGetsTheCurrentDecisionsAgain() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(limitAmps: 10, availability: .unavailable)
        #expect(driver.run(at: 0).count == 2)
        #expect(driver.run(at: 1) == [])
        driver.policy.forgetCharger()
        #expect(
            driver.run(at: 2) == [
                PolicyDriver.txDefault("10"), "ChangeAvailability {\"connectorId\":1,\"type\":\"Inoperative\"}",
            ])
    }

    @Test func aProfileSetBeforeARebootIsStillWithdrawn() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 10
        _ = driver.run(at: 0)
        driver.policy.forgetCharger()
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == ["ClearChargingProfile {\"id\":101}"])
    }
}
