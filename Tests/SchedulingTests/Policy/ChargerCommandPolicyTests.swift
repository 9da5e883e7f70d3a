import Foundation
import Testing

@testable import Scheduling

@Suite struct ChargerCommandPolicyTests {
    static let settings = PolicySettings(deadband: 0.5, minIncreaseInterval: 10, retryInterval: 30)

    @Test func aPurposeLearnedOnOneConnectorIsUsedFirstOnTheOthers() {
        var policy = ChargerCommandPolicy(charger: ChargerFacts(maxStackLevel: 5, hasSingleConnector: false))
        let facts = [
            ConnectorFacts(connectorId: 1, status: .charging, transactionId: 7),
            ConnectorFacts(connectorId: 2, status: .available),
        ]
        let first = policy.commands(
            intents: [1: ConnectorIntent(limitAmps: 10)], facts: facts, settings: Self.settings,
            now: PolicyDriver.time(0))
        #expect(first.map(\.purpose) == [.txDefaultProfile])
        policy.record(.rejected, for: first[0], now: PolicyDriver.time(0))
        let second = policy.commands(
            intents: [1: ConnectorIntent(limitAmps: 10)], facts: facts, settings: Self.settings,
            now: PolicyDriver.time(0))
        #expect(second.map(\.purpose) == [.txProfile])
        let feedback = policy.record(.accepted, for: second[0], now: PolicyDriver.time(0))
        #expect(feedback.workingPurpose == .txProfile)
        #expect(policy.charger.workingProfilePurpose == .txProfile)
        // Connector 2 has no transaction: with TxProfile known to be needed, its limit waits.
        let third = policy.commands(
            intents: [1: ConnectorIntent(limitAmps: 10), 2: ConnectorIntent(limitAmps: 10)], facts: facts,
            settings: Self.settings, now: PolicyDriver.time(1))
        #expect(third.isEmpty)
    }

    @Test func forgettingTheChargerResendsEveryConnector() {
        var policy = ChargerCommandPolicy(charger: ChargerFacts(hasSingleConnector: false))
        let facts = [
            ConnectorFacts(connectorId: 0, status: .available),
            ConnectorFacts(connectorId: 1, status: .charging, transactionId: 7),
            ConnectorFacts(connectorId: 2, status: .charging, transactionId: 8),
        ]
        let intents = [
            0: ConnectorIntent(availability: .available), 1: ConnectorIntent(limitAmps: 10),
            2: ConnectorIntent(limitAmps: 12),
        ]
        for command in policy.commands(
            intents: intents, facts: facts, settings: Self.settings, now: PolicyDriver.time(0))
        {
            policy.record(.accepted, for: command, now: PolicyDriver.time(0))
        }
        #expect(
            policy.commands(intents: intents, facts: facts, settings: Self.settings, now: PolicyDriver.time(1)).isEmpty)
        policy.forgetCharger()
        let again = policy.commands(intents: intents, facts: facts, settings: Self.settings, now: PolicyDriver.time(2))
        #expect(again.map(\.action) == [.changeAvailability, .setChargingProfile, .setChargingProfile])
        #expect(again.map(\.connectorId) == [0, 1, 2])
    }

    @Test func theEarliestWakeUpOfAnyConnector() {
        var policy = ChargerCommandPolicy(charger: ChargerFacts(hasSingleConnector: false))
        let facts = [
            ConnectorFacts(connectorId: 1, status: .available), ConnectorFacts(connectorId: 2, status: .available),
        ]
        let commands = policy.commands(
            intents: [1: ConnectorIntent(availability: .unavailable), 2: ConnectorIntent(availability: .unavailable)],
            facts: facts, settings: Self.settings, now: PolicyDriver.time(0))
        policy.record(.timeout, for: commands[0], now: PolicyDriver.time(3))
        policy.record(.timeout, for: commands[1], now: PolicyDriver.time(5))
        #expect(policy.nextWakeUp == PolicyDriver.time(33))
    }

    @Test func aManualStopNeedsAnOpenTransaction() {
        var policy = ConnectorCommandPolicy(connectorId: 1)
        let idle = ConnectorFacts(connectorId: 1, status: .preparing)
        #expect(policy.setSessionOverride(.stop, connector: idle, now: PolicyDriver.time(0)) == false)
        #expect(policy.sessionOverride == nil)
    }
}
