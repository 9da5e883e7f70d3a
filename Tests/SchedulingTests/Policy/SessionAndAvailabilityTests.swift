import ChargingModel
import Foundation
import Testing

@testable import Scheduling

@Suite struct SessionAndAvailabilityTests {
    static let start = "RemoteStartTransaction {\"connectorId\":1,\"idTag\":\"rule-tag\"}"

    @Test(arguments: [
        (ConnectorStatus.preparing, nil as Int?, ChargingIntent?.none, PausePolicy.profile, true),
        (.preparing, nil, .charge, .profile, true),
        (.preparing, nil, .pause, .profile, true),
        (.preparing, nil, .pause, .remoteStop, false),
        (.preparing, nil, .charge, .remoteStop, true),
        (.preparing, 7, nil, .profile, false),
        (.available, nil, nil, .profile, false),
        (.suspendedEV, nil, nil, .profile, false),
        (.charging, 7, nil, .profile, false),
    ])
    func startOnlyOnPreparingWithoutATransactionAndWhilePausedOnlyWithTheProfilePause(
        status: ConnectorStatus, transaction: Int?, charging: ChargingIntent?, pause: PausePolicy, starts: Bool
    ) {
        var driver = PolicyDriver()
        driver.charger.pause = pause
        driver.connector = ConnectorFacts(connectorId: 1, status: status, transactionId: transaction)
        driver.intent = ConnectorIntent(charging: charging, session: .start(idTag: "rule-tag"))
        let sent = driver.run(at: 0).filter { $0.hasPrefix("RemoteStart") }
        #expect(sent == (starts ? [Self.start] : []))
    }

    @Test func aStartHeldBackByARemoteStopPauseIsNamedAndGoesOutWhenThePauseLifts() {
        var driver = PolicyDriver()
        driver.charger.pause = .remoteStop
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        driver.intent = ConnectorIntent(charging: .pause, session: .start(idTag: "rule-tag"))
        #expect(driver.run(at: 0) == [])
        let paused = driver.policy.effectiveDecision(intent: driver.intent, charger: driver.charger)
        #expect(
            driver.policy.heldBackEffects(decision: paused, connector: driver.connector, charger: driver.charger)
                == [#"start: waits until the pause lifts (pause is "remoteStop")"#])
        driver.intent = ConnectorIntent(charging: .charge, session: .start(idTag: "rule-tag"))
        let charging = driver.policy.effectiveDecision(intent: driver.intent, charger: driver.charger)
        #expect(
            driver.policy.heldBackEffects(decision: charging, connector: driver.connector, charger: driver.charger)
                == [])
        #expect(driver.run(at: 1) == [Self.start])
    }

    @Test func startIsSentOnceAndRetriedOnlyAfterAFailure() {
        var driver = PolicyDriver()
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        driver.intent = ConnectorIntent(session: .start(idTag: "rule-tag"))
        #expect(driver.run(at: 0, answering: [.rejected]) == [Self.start])
        #expect(driver.policy.failures[.session]?.outcome == .rejected)
        #expect(driver.policy.nextWakeUp == PolicyDriver.time(30))
        #expect(driver.run(at: 29.9) == [])
        #expect(driver.run(at: 30) == [Self.start])
        #expect(driver.run(at: 31) == [])
        #expect(driver.run(at: 100) == [])
        // A new plug-in after a session: the state changed, so start again.
        driver.connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 3)
        #expect(driver.run(at: 200) == [])
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        #expect(driver.run(at: 300) == [Self.start])
    }

    @Test func startWithoutARuleIdTagUsesTheChargersOrAmpwise() {
        var driver = PolicyDriver()
        driver.connector = ConnectorFacts(connectorId: 1, status: .preparing)
        driver.intent = ConnectorIntent(session: .start(idTag: nil))
        #expect(driver.run(at: 0) == ["RemoteStartTransaction {\"connectorId\":1,\"idTag\":\"ampwise\"}"])
    }

    @Test func stopEndsTheOpenTransactionOnce() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(session: .stop)
        #expect(driver.run(at: 0) == ["RemoteStopTransaction {\"transactionId\":7}"])
        #expect(driver.run(at: 1) == [])
        driver.connector = ConnectorFacts(connectorId: 1, status: .finishing)
        #expect(driver.run(at: 2) == [])
    }

    @Test func availabilityScheduledCountsAsDoneAndIsNotResent() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(availability: .unavailable)
        let sent = driver.run(at: 0, answering: [.scheduled])
        #expect(sent == ["ChangeAvailability {\"connectorId\":1,\"type\":\"Inoperative\"}"])
        #expect(driver.run(at: 60) == [])
        #expect(driver.policy.failures.isEmpty)
        driver.intent = ConnectorIntent(availability: .available)
        #expect(driver.run(at: 61) == ["ChangeAvailability {\"connectorId\":1,\"type\":\"Operative\"}"])
    }

    @Test func availabilityRejectedIsRetriedEveryRetryInterval() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(availability: .unavailable)
        #expect(driver.run(at: 0, answering: [.rejected]).count == 1)
        #expect(driver.run(at: 29, answering: [.rejected]).count == 0)
        #expect(driver.run(at: 30, answering: [.rejected]).count == 1)
        #expect(driver.run(at: 59, answering: [.rejected]).count == 0)
        #expect(driver.run(at: 60, answering: [.accepted]).count == 1)
        #expect(driver.run(at: 90).count == 0)
    }

    @Test func noAvailabilityOpinionSendsNothing() {
        var driver = PolicyDriver()
        driver.intent = ConnectorIntent(availability: .unavailable)
        _ = driver.run(at: 0)
        driver.intent = ConnectorIntent()
        #expect(driver.run(at: 1) == [])
    }
}
