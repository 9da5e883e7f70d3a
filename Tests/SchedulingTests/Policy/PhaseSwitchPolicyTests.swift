import Foundation
import Testing

@testable import Scheduling

/// How the command policy carries out the phases the rules chose (docs/command-policy.md).
@Suite struct PhaseSwitchPolicyTests {
    @Test func theProfileCarriesThePhasesInUse() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 13
        driver.intent.phases = 1
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("13", phases: 1)])
        #expect(driver.policy.installedProfile?.phases == 1)
    }

    @Test func aChargerThatDoesNotSwitchGetsItsConfiguredPhases() {
        var driver = PolicyDriver()
        driver.charger.phases = 1
        driver.intent.limitAmps = 13
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("13", phases: 1)])
        #expect(driver.policy.installedProfile?.phases == nil)
    }

    @Test func aPhaseSwitchIsSentAtOnceWhateverTheDeadbandAndThePacing() {
        var driver = PolicyDriver()
        driver.charger.maxCurrent = 32
        driver.intent.limitAmps = 16
        driver.intent.phases = 3
        _ = driver.run(at: 0)
        // The same amperes on 1 phase: inside the deadband, but another power.
        driver.intent.phases = 1
        #expect(driver.run(at: 1) == [PolicyDriver.txDefault("16", phases: 1)])
        // More amperes on 3 phases, 2 s after the last change: no wait for minIncreaseInterval.
        driver.intent.limitAmps = 20
        driver.intent.phases = 3
        #expect(driver.run(at: 3) == [PolicyDriver.txDefault("20", phases: 3)])
        // Without a switch, an increase waits as before.
        driver.intent.limitAmps = 24
        #expect(driver.run(at: 4) == [])
    }

    @Test func aPauseProfileKeepsThePhasesInUse() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 13
        driver.intent.phases = 1
        _ = driver.run(at: 0)
        driver.intent.charging = .pause
        #expect(driver.run(at: 1) == [PolicyDriver.txDefault("0", phases: 1)])
    }

    @Test func aChargerThatTakesWattsGetsThePowerOnThePhasesInUse() {
        var driver = PolicyDriver()
        driver.charger.rateUnit = .watts
        driver.intent.limitAmps = 13
        driver.intent.phases = 1
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("2990", unit: "W", phases: 1)])
    }

    @Test func aManualLimitKeepsThePhasesTheRulesChose() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 13
        driver.intent.phases = 1
        driver.policy.limitOverride = ManualOverride(value: 10, transactionId: 7)
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("10", phases: 1)])
    }

    @Test func theReasonSaysThePhases() {
        #expect(CommandReason.limit(amps: 13, phases: 1).description == "limit 13.0 A on 1 phase")
        #expect(CommandReason.limit(amps: 8.7, phases: 3).description == "limit 8.7 A on 3 phases")
        #expect(CommandReason.limit(amps: 0, phases: 1).description == "pause (0 A profile) on 1 phase")
        #expect(CommandReason.limit(amps: 16).description == "limit 16.0 A")
    }
}
