import ChargePointManagement
import ChargingModel
import Foundation
import Rules
import Testing

@testable import Scheduling

/// `SchedulingCore.evaluate(changedChargers:)`: the passes between ticks ask only the chargers
/// that changed (or that the rules now decide differently for), and nothing is lost by it.
@Suite struct SchedulingCoreTests {
    static let now = EngineHarness.start

    static func core(_ rules: String) throws -> SchedulingCore {
        let ruleSet = try #require(RuleChecker.check([RuleSource(path: "test.rules", text: rules)]).ruleSet)
        return SchedulingCore(settings: EngineHarness.settings(), ruleSet: ruleSet)
    }

    static func evaluate(
        _ core: inout SchedulingCore, _ snapshots: [ChargerSnapshot], at seconds: TimeInterval,
        changed: Set<String>?
    ) -> [String] {
        let outcome = core.evaluate(
            snapshots: snapshots, inputs: InputSet(maxAge: 300),
            tariff: TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!),
            now: now.addingTimeInterval(seconds), changedChargers: changed)
        for command in outcome.commands { _ = core.record(.accepted, for: command, now: now) }
        return outcome.commands.map { "\($0.chargerId) \($0.command.action.rawValue) \($0.command.reason)" }
    }

    @Test func aChargerThatDidNotChangeIsNotAskedUntilItIsNamed() throws {
        var core = try Self.core("rule \"cap\" { limit 10 A }")
        var offline = EngineHarness.charger("b", status: .charging, transactionId: 2)
        offline.connected = false
        let online = EngineHarness.charger("a", status: .charging, transactionId: 1)
        #expect(Self.evaluate(&core, [online, offline], at: 0, changed: nil) == ["a SetChargingProfile limit 10.0 A"])

        // b came online, but the pass was told only about a: b's policy is not asked, its
        // decision is the same. Named, it gets its profile.
        offline.connected = true
        #expect(Self.evaluate(&core, [online, offline], at: 1, changed: ["a"]).isEmpty)
        #expect(
            Self.evaluate(&core, [online, offline], at: 2, changed: ["b"]) == ["b SetChargingProfile limit 10.0 A"])
    }

    @Test func aShareBudgetFreedByOneChargerReachesTheOthersOnTheSamePass() throws {
        var core = try Self.core("rule \"fuse\" { share 20 A }")
        var a = EngineHarness.charger("a", status: .charging, transactionId: 1)
        let b = EngineHarness.charger("b", status: .charging, transactionId: 2)
        #expect(
            Self.evaluate(&core, [a, b], at: 0, changed: nil) == [
                "a SetChargingProfile limit 10.0 A", "b SetChargingProfile limit 10.0 A",
            ])
        a.connectors[0].status = .available
        a.connectors[0].transaction = nil
        // Only a changed, but the rules now give b the whole budget (clipped to its 16 A); a's
        // profile is withdrawn as its limit family has no opinion any more.
        #expect(
            Self.evaluate(&core, [a, b], at: 20, changed: ["a"]) == [
                "a ClearChargingProfile withdraw limit", "b SetChargingProfile limit 16.0 A",
            ])
        #expect(core.effective[ConnectorKey(chargerId: "b", connectorId: 1)]?.limitAmps == 16)
    }

    @Test func anOverrideMakesTheNextPassAskThatChargerEvenWhenNothingElseChanged() throws {
        var core = try Self.core("rule \"cap\" { limit 10 A }")
        let a = EngineHarness.charger("a", status: .charging, transactionId: 1)
        _ = Self.evaluate(&core, [a], at: 0, changed: nil)
        core.updatePolicy(chargerId: "a", connectorId: 1) { policy, _ in
            policy.setLimitOverride(
                amps: 8, minutes: nil,
                connector: ConnectorFacts(connectorId: 1, status: .charging, transactionId: 1), now: Self.now)
        }
        #expect(Self.evaluate(&core, [a], at: 1, changed: []) == ["a SetChargingProfile limit 8.0 A"])
    }
}
