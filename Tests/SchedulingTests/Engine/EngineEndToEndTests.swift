import Central
import ChargePointManagement
import Foundation
import JSON
import Rules
import Store
import TestSupport
import Testing

@testable import Scheduling

/// The engine driving a simulated charge point through the real central system and charger
/// fleet, with a manual clock: what the charger receives on the wire.
@Suite("Engine end to end", .timeLimit(.minutes(1)))
struct EngineEndToEndTests {
    /// The central system, fleet and engine of one test, on a free port.
    struct Site {
        let store: Store
        let central: CentralSystem
        let engine: SchedulingEngine
        let clock: ManualEngineClock
        let port: UInt16

        init(rules: String, folder: TemporaryDirectory) async throws {
            store = try Store(
                path: folder.file("ampwise.sqlite"), options: StoreOptions(batchMaxDelayMilliseconds: 1))
            let fleet = ChargerFleet(
                store: store,
                settings: ChargerFleetSettings(
                    heartbeatInterval: 60, meterValueSampleInterval: 60, measurands: [.energyActiveImportRegister],
                    setupGracePeriod: 3600))
            central = CentralSystem(
                configuration: CentralConfiguration(host: "127.0.0.1", port: 0, loopCount: 1), handler: fleet)
            fleet.attach(caller: central)
            clock = ManualEngineClock(EngineHarness.start)
            let ruleSet = try #require(RuleChecker.check([RuleSource(path: "site.rules", text: rules)]).ruleSet)
            engine = SchedulingEngine(
                settings: EngineHarness.settings(), ruleSet: ruleSet,
                tariff: TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!),
                directory: fleet, caller: central, store: store, clock: clock)
            await engine.start()
            port = UInt16(try central.start())
        }

        func stop() async {
            central.stop()
            await engine.stop()
            await store.close()
        }
    }

    @Test func aRejectedDefaultProfileFallsBackToTxProfileWhichIsRememberedAcrossAReconnect() async throws {
        let folder = try TemporaryDirectory()
        let site = try await Site(rules: #"rule "cap" { limit 10 A }"#, folder: folder)
        let port = site.port

        let purposes = try await DedicatedThread.run { () throws -> [[String]] in
            var seen: [[String]] = []
            for _ in 0..<2 {
                let charger = try SimulatedChargePoint.connect(port: port, chargerId: "SIM-E2E")
                charger.rejectedProfilePurposes = ["TxDefaultProfile"]
                // Two connectors: ChargePointMaxProfile (single-connector chargers only) is no way
                // out, so the engine waits for the transaction and uses TxProfile, however the
                // set-up and the session interleave.
                charger.configuration = charger.configuration.map {
                    $0.key == "NumberOfConnectors" ? ($0.key, "2") : $0
                }
                _ = try charger.boot()
                try charger.waitForCall("TriggerMessage")
                try charger.sendStatus(connector: 1, .preparing)
                let start = try charger.startTransaction(idTag: "CARD", meterStart: 0)
                try charger.sendStatus(connector: 1, .charging)
                try charger.waitForCall("SetChargingProfile") { call in
                    call.payload["csChargingProfiles"]?["chargingProfilePurpose"] == "TxProfile"
                        && call.payload["csChargingProfiles"]?["transactionId"]?.intValue == start.transactionId
                }
                seen.append(
                    charger.calls("SetChargingProfile").filter { $0.integer("connectorId") == 1 }.compactMap {
                        $0.payload["csChargingProfiles"]?["chargingProfilePurpose"]?.stringValue
                    })
                _ = try charger.stopTransaction(transactionId: start.transactionId, meterStop: 100, reason: .local)
                charger.close()
            }
            return seen
        }

        // First connection: the ladder, TxDefaultProfile rejected (twice when the transaction opened
        // while the first was on its way), then TxProfile, never ChargePointMaxProfile.
        #expect(purposes[0].first == "TxDefaultProfile" && purposes[0].last == "TxProfile")
        #expect(Set(purposes[0]) == ["TxDefaultProfile", "TxProfile"])
        // After reconnecting, what worked is used first.
        #expect(purposes[1] == ["TxProfile"])
        let remembered = try await site.store.chargerSetting(chargerId: "SIM-E2E", key: "workingProfilePurpose")
        #expect(remembered == "TxProfile")
        let outcomes = try await site.store.commands(chargerId: "SIM-E2E").filter {
            $0.action == "SetChargingProfile" && $0.connectorId == 1
        }
        #expect(outcomes.filter { $0.outcome.description == "Accepted" }.count == 2)
        #expect(
            outcomes.filter { $0.outcome.description != "Accepted" }.allSatisfy { $0.outcome.description == "Rejected" }
        )
        #expect(outcomes.allSatisfy { $0.source == .scheduler })
        await site.stop()
    }

    @Test func autoStartSendsRemoteStartWhenTheCarIsPluggedIn() async throws {
        let folder = try TemporaryDirectory()
        let site = try await Site(
            rules: #"rule "auto" { when status is Preparing start idtag "e2e" }"#, folder: folder)
        let port = site.port
        let start = try await DedicatedThread.run { () throws -> ReceivedCall in
            let charger = try SimulatedChargePoint.connect(port: port, chargerId: "SIM-AUTO")
            defer { charger.close() }
            _ = try charger.boot()
            try charger.waitForCall("TriggerMessage")
            try charger.sendStatus(connector: 1, .preparing)
            return try charger.waitForCall("RemoteStartTransaction")
        }
        #expect(JSONValue.object(start.payload) == ["connectorId": 1, "idTag": "e2e"])
        await site.stop()
    }
}
