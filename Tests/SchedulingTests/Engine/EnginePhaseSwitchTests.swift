import Foundation
import JSON
import TestSupport
import Testing

@testable import Scheduling

/// Phase switching end to end in the engine, on a manual clock: the profiles a charger receives,
/// the decisions and the command records (docs/rules.md, "Phase switching").
@Suite struct EnginePhaseSwitchTests {
    static let solar = """
        rule "solar following" {
            limit solar.surplus
        }
        """

    /// 3 phases at 230 V, 6..16 A, phase switching on; a switch at most every `interval` seconds.
    static func settings(interval: TimeInterval = 300) -> EngineSettings {
        EngineSettings(
            timeZone: TimeZone(identifier: "UTC")!, tick: 10, inputMaxAge: 300, phaseSwitchInterval: interval,
            policy: PolicySettings(deadband: 0.5, minIncreaseInterval: 10, retryInterval: 30),
            defaultCharger: EngineChargerSettings(
                phases: 3, voltage: 230, minCurrent: 6, maxCurrent: 16, phaseSwitching: true))
    }

    /// `13.0 A x1`: the limit and numberPhases of each SetChargingProfile, in order.
    static func profiles(_ harness: EngineHarness) -> [String] {
        harness.caller.calls.filter { $0.action == "SetChargingProfile" }.map { call in
            let period = call.payload["csChargingProfiles"]?.objectValue?["chargingSchedule"]?.objectValue?[
                "chargingSchedulePeriod"]?.arrayValue?.first?.objectValue
            let limit = period?["limit"]?.doubleValue ?? -1
            return "\(limit) A x\(period?["numberPhases"]?.intValue ?? 0)"
        }
    }

    func surplus(_ watts: Double, _ harness: EngineHarness) async throws {
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["solar.surplus": .number(watts)]))
        await harness.engine.settle()
    }

    @Test func theSurplusBelowTheThreePhaseMinimumSwitchesToOnePhaseAndBackOnlyAfterTheInterval() async throws {
        let harness = try EngineHarness(rules: Self.solar, settings: Self.settings())
        await harness.start()
        try await surplus(6900, harness)
        #expect(Self.profiles(harness) == ["10.0 A x3"])

        // 3000 W is below 6 A × 230 V × 3 = 4140 W: 1 phase at 13.0 A, at once (the first switch).
        try await surplus(3000, harness)
        #expect(Self.profiles(harness) == ["10.0 A x3", "13.0 A x1"])

        // The sun is back 20 s later: 3 phases must wait until 300 s after the switch; meanwhile
        // 6900 W on 1 phase is capped at 16 A.
        await harness.advance(by: 20)
        try await surplus(6900, harness)
        #expect(Self.profiles(harness) == ["10.0 A x3", "13.0 A x1", "16.0 A x1"])
        await harness.advance(by: 270)
        #expect(Self.profiles(harness).count == 3)
        await harness.advance(by: 20)
        #expect(Self.profiles(harness) == ["10.0 A x3", "13.0 A x1", "16.0 A x1", "10.0 A x3"])

        let decisions = try await harness.decisions()
        #expect(decisions.map(\.phases) == [nil, 3, 1, 1, 3])
        #expect(decisions.map(\.limitAmps) == [nil, 10, 13, 16, 10])
        #expect(
            decisions[2].explanation
                == "limit 13.0 A on 1 phase (limit: solar following); phases: switched to 1 phase: 3000 W asked is "
                + "below the 3-phase minimum 4140 W; inputs: solar.surplus 3000 W")
        #expect(
            decisions[3].explanation
                == "limit 16.0 A on 1 phase, 30.0 A asked, capped at the charger's maximum (limit: solar following); "
                + "phases: a switch to 3 phases waits until 2026-11-25T00:05:00Z (scheduler.phaseSwitchInterval); "
                + "inputs: solar.surplus 6900 W")
        #expect(
            decisions[4].explanation
                == "limit 10.0 A on 3 phases (limit: solar following); phases: switched to 3 phases: 6900 W asked "
                + "reaches the 3-phase minimum 4140 W; inputs: solar.surplus 6900 W")
        let reasons = try await harness.commands().map(\.reason)
        #expect(
            reasons == [
                "limit 10.0 A on 3 phases", "limit 13.0 A on 1 phase", "limit 16.0 A on 1 phase",
                "limit 10.0 A on 3 phases",
            ])
        await harness.stop()
    }

    @Test func tooLittleForThreePhasesWhileASwitchWaitsPauses() async throws {
        let harness = try EngineHarness(rules: Self.solar, settings: Self.settings(interval: 60))
        await harness.start()
        try await surplus(3000, harness)
        await harness.advance(by: 60)
        try await surplus(6900, harness)
        // Back on 3 phases at 60 s; at 61 s the surplus drops again, but the next switch waits
        // until 120 s: 3000 W on 3 phases is 4.3 A, below the minimum, so the connector pauses.
        await harness.advance(by: 1)
        try await surplus(3000, harness)
        #expect(Self.profiles(harness) == ["13.0 A x1", "10.0 A x3", "0.0 A x3"])
        await harness.advance(by: 50)
        #expect(Self.profiles(harness).count == 3)
        await harness.advance(by: 20)
        #expect(Self.profiles(harness) == ["13.0 A x1", "10.0 A x3", "0.0 A x3", "13.0 A x1"])
        await harness.stop()
    }

    @Test func aManualLimitInWattsIsHeldOnThePhasesInUse() async throws {
        let harness = try EngineHarness(rules: Self.solar, settings: Self.settings())
        await harness.start()
        try await surplus(3000, harness)
        try await harness.engine.setLimitOverride(
            LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: nil, watts: 2300, minutes: nil))
        await harness.engine.settle()
        // 2300 W on the 1 phase in use is 10 A (on 3 phases it would be 3.3 A: a pause).
        #expect(Self.profiles(harness) == ["13.0 A x1", "10.0 A x1"])
        await harness.stop()
    }
}
