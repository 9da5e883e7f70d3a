import Central
import ChargePointManagement
import ChargerSimulation
import Foundation
import Rules
import Scheduling
import Store
import TestSupport
import Testing

@testable import App

/// A `SimulatedCharger` against a real site (the central system, the fleet, the engine): it speaks
/// OCPP well enough to be set up, started by a rule and limited by a profile, and its car draws
/// what it is offered.
@Suite("Simulated charger", .timeLimit(.minutes(1)))
struct SimulatedChargerTests {
    @Test func aRuleStartsItsSessionAndItsCarDrawsTheLimitItIsSent() async throws {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("ampwise.sqlite"))
        let rules = """
            rule "auto" {
                when status is Preparing
                start
            }
            rule "cap" { limit 10 A }
            """
        let ruleSet = try #require(RuleChecker.check([RuleSource(path: "demo.rules", text: rules)]).ruleSet)
        let site = Site(
            store: store, central: CentralConfiguration(host: "127.0.0.1", port: 0, loopCount: 1),
            fleet: ChargerFleetSettings(
                heartbeatInterval: 60, meterValueSampleInterval: 1, measurands: [.energyActiveImportRegister],
                setupGracePeriod: 3600),
            engine: EngineSettings(
                timeZone: TimeZone(identifier: "UTC")!, tick: 1, inputMaxAge: 300,
                policy: PolicySettings(deadband: 0.5, minIncreaseInterval: 1, retryInterval: 5),
                defaultCharger: EngineChargerSettings(
                    phases: 3, voltage: 230, minCurrent: 6, maxCurrent: 16, pause: .profile)),
            ruleSet: ruleSet, tariff: TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!))
        let port = try await site.start()
        var settings = SimulatedChargerSettings(chargerId: "SIM-DEMO", port: port)
        settings.plugInAfter = 0
        settings.meterInterval = 1
        let charger = SimulatedCharger(settings: settings)
        charger.start()
        let charging = try await offPool {
            charger.wait(until: { $0.transactionId != nil && $0.offeredAmps == 10 && $0.powerWatts > 0 }, timeout: 30)
        }
        let status = charger.status
        try await offPool { charger.stop() }
        let transactions = try await store.transactions(chargerId: "SIM-DEMO", connectorId: 1, since: nil, limit: 10)
        await site.stop()
        #expect(charging, "status: \(status)")
        #expect(status.sessionsStarted == 1)
        #expect(status.acceptedProfiles >= 1)
        #expect(abs(status.powerWatts - 10 * 230 * 3 * 0.98) < 1)
        #expect(transactions.count == 1)
    }
}
