import Foundation
import Testing

@testable import Scheduling

@Suite struct PausePolicyTests {
    @Test func profilePauseSendsAZeroAmpProfileAndKeepsTheTransaction() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(charging: .pause, limitAmps: 16)
        #expect(driver.run(at: 0) == [PolicyDriver.txDefault("0")])
        driver.intent = ConnectorIntent(charging: .charge, limitAmps: 16)
        #expect(driver.run(at: 10) == [PolicyDriver.txDefault("16")])
    }

    @Test func remoteStopPauseEndsTheTransactionAndResumesWithTheChargersIdTag() {
        var driver = PolicyDriver()
        driver.charger.pause = .remoteStop
        driver.charger.idTag = "garage-tag"
        driver.intent = ConnectorIntent(charging: .pause)
        #expect(driver.run(at: 0) == ["RemoteStopTransaction {\"transactionId\":7}"])
        #expect(driver.run(at: 1) == [])
        driver.connector = ConnectorFacts(connectorId: 1, status: .finishing)
        #expect(driver.run(at: 2) == [])
        driver.intent = ConnectorIntent(charging: .charge)
        #expect(driver.run(at: 3) == ["RemoteStartTransaction {\"connectorId\":1,\"idTag\":\"garage-tag\"}"])
        #expect(driver.run(at: 4) == [])
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 8)
        #expect(driver.run(at: 5) == [])
        #expect(driver.policy.pauseStoppedTransactionId == nil)
    }

    @Test func remoteStopPauseDoesNotResumeOnceTheCarHasLeft() {
        var driver = PolicyDriver()
        driver.charger.pause = .remoteStop
        driver.intent = ConnectorIntent(charging: .pause)
        _ = driver.run(at: 0)
        driver.connector = ConnectorFacts(connectorId: 1, status: .available)
        #expect(driver.run(at: 1) == [])
        driver.intent = ConnectorIntent(charging: .charge)
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        #expect(driver.run(at: 2) == [])
    }

    @Test func remoteStopPauseResumesWithAmpwiseWhenTheChargerHasNoIdTag() {
        var driver = PolicyDriver()
        driver.charger.pause = .remoteStop
        driver.intent = ConnectorIntent(charging: .pause)
        _ = driver.run(at: 0)
        driver.connector = ConnectorFacts(connectorId: 1, status: .suspendedEVSE)
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == ["RemoteStartTransaction {\"connectorId\":1,\"idTag\":\"ampwise\"}"])
    }

    @Test func remoteStopPauseLeavesTheLimitProfileAlone() {
        var driver = PolicyDriver()
        driver.charger.pause = .remoteStop
        driver.intent = ConnectorIntent(limitAmps: 10)
        _ = driver.run(at: 0)
        driver.intent = ConnectorIntent(charging: .pause, limitAmps: 10)
        #expect(driver.run(at: 1) == ["RemoteStopTransaction {\"transactionId\":7}"])
        #expect(driver.policy.installedProfile?.amps == 10)
    }
}
