import Foundation
import Testing

@testable import Scheduling

@Suite struct ProfileFallbackTests {
    static let txProfile16 =
        "SetChargingProfile {\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":201,"
        + "\"transactionId\":7,\"stackLevel\":5,\"chargingProfilePurpose\":\"TxProfile\","
        + "\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
        + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16,\"numberPhases\":3}]}}}"
    static let chargePointMax16 =
        "SetChargingProfile {\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":300,"
        + "\"stackLevel\":5,\"chargingProfilePurpose\":\"ChargePointMaxProfile\","
        + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"startSchedule\":\"2026-11-24T08:00:00Z\","
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
        + "[{\"startPeriod\":0,\"limit\":16,\"numberPhases\":3}]}}}"

    @Test func rejectedTxDefaultFallsBackToTxProfileForTheOpenTransaction() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        let first = driver.commands(at: 0)
        #expect(first.map(PolicyDriver.line) == [PolicyDriver.txDefault("16")])
        let refusal = driver.policy.record(.rejected, for: first[0], now: PolicyDriver.time(0))
        #expect(refusal == CommandFeedback(wasCurrent: true, followUpDue: true))
        #expect(driver.policy.nextWakeUp == PolicyDriver.time(0))
        let second = driver.commands(at: 0)
        #expect(second.map(PolicyDriver.line) == [Self.txProfile16])
        #expect(driver.policy.nextWakeUp == nil)
        let accepted = driver.policy.record(.accepted, for: second[0], now: PolicyDriver.time(0))
        #expect(accepted.workingPurpose == .txProfile)
        #expect(driver.policy.installedProfile?.transactionId == 7)
    }

    @Test func thenChargePointMaxProfileOnASingleConnectorCharger() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        let sent = driver.run(at: 0, answering: [.rejected, .callError(code: "NotSupported"), .accepted])
        #expect(sent == [PolicyDriver.txDefault("16"), Self.txProfile16, Self.chargePointMax16])
        #expect(driver.policy.installedProfile?.purpose == .chargePointMaxProfile)
        #expect(driver.policy.installedProfile?.profileId == 300)
    }

    @Test func multiConnectorChargersNeverGetChargePointMaxProfile() {
        var driver = PolicyDriver()
        driver.charger.hasSingleConnector = false
        driver.intent.limitAmps = 16
        let sent = driver.run(at: 0, answering: [.rejected])
        #expect(sent == [PolicyDriver.txDefault("16"), Self.txProfile16])
        #expect(driver.policy.failures[.limit]?.outcome == .rejected)
        #expect(driver.policy.nextWakeUp == PolicyDriver.time(30))
    }

    @Test func withoutATransactionTxProfileIsSkipped() {
        var driver = PolicyDriver()
        driver.connector = ConnectorFacts(connectorId: 1, status: .available)
        driver.intent.limitAmps = 16
        let sent = driver.run(at: 0, answering: [.rejected, .accepted])
        #expect(sent.count == 2)
        #expect(sent[1].contains("ChargePointMaxProfile"))
    }

    @Test func theRememberedPurposeIsTriedFirst() {
        var driver = PolicyDriver()
        driver.charger.workingProfilePurpose = .txProfile
        driver.intent.limitAmps = 16
        #expect(driver.run(at: 0) == [Self.txProfile16])
    }

    @Test func aChargerThatNeedsTxProfileWaitsForATransaction() {
        var driver = PolicyDriver()
        driver.charger.workingProfilePurpose = .txProfile
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        driver.intent.limitAmps = 16
        #expect(driver.run(at: 0) == [])
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 7)
        #expect(driver.run(at: 1) == [Self.txProfile16])
        // The charger drops a TxProfile when its transaction ends; the next one gets it again.
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 8)
        #expect(driver.run(at: 2).first?.contains("\"transactionId\":8") == true)
    }

    @Test func timeoutsRetryTheSamePurposeAfterTheRetryInterval() {
        var driver = PolicyDriver()
        driver.intent.limitAmps = 16
        #expect(driver.run(at: 0, answering: [.timeout]) == [PolicyDriver.txDefault("16")])
        #expect(driver.policy.failures[.limit]?.outcome == .timeout)
        #expect(driver.run(at: 29) == [])
        #expect(driver.run(at: 30) == [PolicyDriver.txDefault("16")])
        #expect(driver.policy.failures[.limit] == nil)
    }

    @Test func anExhaustedLadderStartsOverOnRetry() {
        var driver = PolicyDriver()
        driver.charger.hasSingleConnector = false
        driver.intent.limitAmps = 16
        _ = driver.run(at: 0, answering: [.rejected])
        let retried = driver.run(at: 30, answering: [.rejected, .accepted])
        #expect(retried == [PolicyDriver.txDefault("16"), Self.txProfile16])
    }
}
