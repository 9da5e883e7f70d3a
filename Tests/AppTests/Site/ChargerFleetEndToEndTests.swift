import Central
import ChargePointManagement
import Foundation
import OCPP
import Rules
import Scheduling
import Store
import TestSupport
import Testing

@testable import App

@Suite("Charger fleet end to end", .timeLimit(.minutes(1)))
struct ChargerFleetEndToEndTests {
    /// What the simulated charger saw, handed back from its thread.
    struct Session: Sendable {
        var bootStatus: RegistrationStatus
        var setupCalls: [String]
        var changedKeys: [String]
        var transactionId: Int
        var startStatus: AuthorizationStatus
        var energyWhileCharging: Double?
        var stopAnswer: StopTransactionConfirmation
    }

    @Test func aWholeSessionThroughTheCentralSystemEndsUpInSnapshotsAndStore() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("ampwise.sqlite"))
        let settings = ChargerFleetSettings(
            heartbeatInterval: 90, meterValueSampleInterval: 15,
            measurands: [.energyActiveImportRegister, .powerActiveImport], setupGracePeriod: 3600)
        // No rules: the site's engine decides nothing, so the charger sees only the set-up.
        let site = Site(
            store: store, central: CentralConfiguration(host: "127.0.0.1", port: 0, loopCount: 1), fleet: settings,
            engine: EngineEndToEndTests.settings, ruleSet: RuleSet.empty,
            tariff: TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!))
        let fleet = site.fleet
        let port = UInt16(try await site.start())
        defer { site.central.stop() }

        let session = try await DedicatedThread.run { () throws -> Session in
            let charger = try SimulatedChargePoint.connect(port: port, chargerId: "SIM1")
            defer { charger.close() }
            let boot = try charger.boot()
            try charger.waitForCall("TriggerMessage")
            try charger.sendStatus(connector: 1, .preparing)
            let start = try charger.startTransaction(idTag: "CARD1", meterStart: 5000)
            try charger.sendStatus(connector: 1, .charging)
            try charger.sendEnergy(transactionId: start.transactionId, wattHours: 5600)
            let energy = fleet.snapshot("SIM1")?.connector(1)?.transaction?.energyWh
            let stop = try charger.stopTransaction(
                transactionId: start.transactionId, meterStop: 6000, reason: .evDisconnected, idTag: "CARD1")
            return Session(
                bootStatus: boot.status, setupCalls: charger.received.map(\.action),
                changedKeys: charger.calls("ChangeConfiguration").compactMap { $0.string("key") },
                transactionId: start.transactionId, startStatus: start.idTagInfo.status,
                energyWhileCharging: energy, stopAnswer: stop)
        }

        #expect(session.bootStatus == .accepted)
        #expect(
            session.setupCalls == ["GetConfiguration", "ChangeConfiguration", "ChangeConfiguration", "TriggerMessage"])
        #expect(session.changedKeys == ["MeterValueSampleInterval", "MeterValuesSampledData"])
        #expect(session.startStatus == .accepted)
        #expect(session.energyWhileCharging == 600)
        #expect(session.stopAnswer == StopTransactionConfirmation(idTagInfo: IdTagInfo(status: .accepted)))

        let snapshot = try #require(fleet.snapshot("SIM1"))
        #expect(snapshot.identity?.vendor == "Simulated")
        #expect(snapshot.features.contains("RemoteTrigger"))
        #expect(snapshot.numberOfConnectors == 1)
        #expect(snapshot.configuration["MeterValueSampleInterval"] == "15")
        let connector = try #require(snapshot.connector(1))
        #expect(connector.status == .charging)
        #expect(connector.transaction == nil)
        #expect(connector.lastStopReason == "EVDisconnected")
        #expect(connector.measurands[.energyActiveImportRegister]?.value == 5600)

        let transaction = try #require(try await store.transaction(id: session.transactionId))
        #expect(transaction.energyWh == 1000)
        #expect(transaction.idTag == "CARD1")
        #expect(try await store.meterValues(transactionId: session.transactionId).count == 1)
        let commands = try await store.commands(chargerId: "SIM1")
        #expect(
            commands.map(\.action).sorted() == [
                "ChangeConfiguration", "ChangeConfiguration", "GetConfiguration", "TriggerMessage",
            ])
        #expect(commands.allSatisfy { $0.source == .setup })
        #expect(
            try await store.statusHistory(chargerId: "SIM1", connectorId: 1).map(\.status) == ["Charging", "Preparing"])
        await store.close()
    }
}
