import Central
import ChargePointManagement
import Foundation
import JSON
import Rules
import Scheduling
import Store
import TestSupport
import Testing

@testable import App

/// The engine driving a simulated charge point through the real central system and charger
/// fleet, with a manual clock: what the charger receives on the wire.
@Suite("Engine end to end", .timeLimit(.minutes(1)))
struct EngineEndToEndTests {
    /// The site of one test, assembled as `ampwise serve` assembles it, on a free port.
    struct TestSite {
        let site: Site
        let clock: ManualClock
        let port: UInt16

        var store: Store { site.store }
        var engine: SchedulingEngine { site.engine }

        init(rules: String, folder: TemporaryDirectory) async throws {
            let store = try Store(
                path: folder.file("ampwise.sqlite"), options: StoreOptions(batchMaxDelayMilliseconds: 1))
            clock = ManualClock(EngineEndToEndTests.start)
            let ruleSet = try #require(RuleChecker.check([RuleSource(path: "site.rules", text: rules)]).ruleSet)
            site = Site(
                store: store, central: CentralConfiguration(host: "127.0.0.1", port: 0, loopCount: 1),
                fleet: ChargerFleetSettings(
                    heartbeatInterval: 60, meterValueSampleInterval: 60, measurands: [.energyActiveImportRegister],
                    setupGracePeriod: 3600),
                engine: EngineEndToEndTests.settings, ruleSet: ruleSet,
                tariff: TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!), clock: clock)
            port = UInt16(try await site.start())
        }

        func stop() async {
            await site.stop()
        }
    }

    /// 2026-11-25 00:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_564_800)

    /// One phase at 230 V, 6..16 A, deadband 0.5 A, increases every 10 s, retries every 30 s.
    static let settings = EngineSettings(
        timeZone: TimeZone(identifier: "UTC")!, tick: 10, inputMaxAge: 300,
        policy: PolicySettings(deadband: 0.5, minIncreaseInterval: 10, retryInterval: 30),
        defaultCharger: EngineChargerSettings(phases: 1, voltage: 230, minCurrent: 6, maxCurrent: 16, pause: .profile))

    @Test func aRejectedDefaultProfileFallsBackToTxProfileWhichIsRememberedAcrossAReconnect() async throws {
        let folder = try TemporaryDirectory()
        let site = try await TestSite(rules: #"rule "cap" { limit 10 A }"#, folder: folder)
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
        let site = try await TestSite(
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
