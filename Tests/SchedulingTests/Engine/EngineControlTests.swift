import ChargingModel
import Foundation
import JSON
import Rules
import TestSupport
import Testing

@testable import Scheduling

@Suite struct EngineControlTests {
    static let offByDefault = """
        rule "off by default" {
            pause
        }
        """

    @Test func aLimitOverrideInWattsSitsAboveAPauseRuleUntilCleared() async throws {
        let harness = try EngineHarness(rules: Self.offByDefault)
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 0.0"])

        try await harness.engine.setLimitOverride(
            LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: nil, watts: 2300, minutes: nil))
        // The decision is already the override's when the call returns (the API answers with it).
        let states = await harness.engine.connectorStates(chargerId: "garage")
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 10.0"])
        #expect(states[1]?.source == "override")
        #expect(states[1]?.charging == true)
        #expect(states[1]?.limitAmps == 10)

        await harness.engine.clearLimitOverride(chargerId: "garage", connectorId: 1)
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 10.0", "TxDefaultProfile 0.0"])
        let decisions = try await harness.decisions()
        #expect(
            decisions.map(\.explanation) == [
                "pause (charging: off by default)",
                "charge at 10.0 A (charging: off by default); manual override of limit",
                "pause (charging: off by default)",
            ])
        #expect(decisions[1].rules["override"] == ["limit"])
        await harness.stop()
    }

    /// SPEC §9: the SetChargingProfile that carries out a limit set over MQTT names `mqtt` as its
    /// source (and one set through the API, `api`); the rules' own profiles stay the scheduler's.
    @Test func theProfileOfAnOverrideIsRecordedWithTheOverridesSource() async throws {
        let harness = try EngineHarness(rules: Self.offByDefault)
        await harness.start()
        try await harness.engine.setLimitOverride(
            LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 12, watts: nil, minutes: nil, source: .mqtt)
        )
        await harness.engine.settle()
        try await harness.engine.setLimitOverride(
            LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 8, watts: nil, minutes: nil))
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 12.0", "TxDefaultProfile 8.0"])
        let sources = try await harness.commands().filter { $0.action == "SetChargingProfile" }.map(\.source)
        #expect(sources == [.scheduler, .mqtt, .api])
        await harness.stop()
    }

    @Test func anOverrideForSomeMinutesExpiresByItself() async throws {
        let harness = try EngineHarness(rules: Self.offByDefault)
        await harness.start()
        try await harness.engine.setLimitOverride(
            LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 12, watts: nil, minutes: 1))
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 12.0"])
        await harness.advance(by: 60)
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 12.0", "TxDefaultProfile 0.0"])
        await harness.stop()
    }

    @Test func overrideRequestsAreValidatedWithTheFieldNamed() async throws {
        let harness = try EngineHarness(rules: Self.offByDefault)
        await #expect(throws: SchedulerControlError("amps: expected amps or watts")) {
            try await harness.engine.setLimitOverride(
                LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: nil, watts: nil, minutes: nil))
        }
        await #expect(throws: SchedulerControlError("watts: give amps or watts, not both")) {
            try await harness.engine.setLimitOverride(
                LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 10, watts: 2300, minutes: nil))
        }
        await #expect(throws: SchedulerControlError("minutes: expected a number > 0")) {
            try await harness.engine.setLimitOverride(
                LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 10, watts: nil, minutes: 0))
        }
        await harness.store.close()
    }

    @Test func aReloadWithoutTheLimitRuleWithdrawsOnlyAmpwisesProfile() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])

        harness.ruleFolder.text = "rule \"cap\" { limit 10 X }"
        let diagnostics = await harness.engine.reloadRules()
        #expect(
            diagnostics.map(\.description) == [
                "test.rules:1:23: error: unknown unit 'X' after 10 (expected A, W, kW, V, Wh, kWh or %)"
            ])
        await harness.advance(by: 10)
        #expect(harness.caller.actions == ["SetChargingProfile"])
        #expect(await harness.engine.rulesOverview().rules.map(\.name) == ["cap"])

        harness.ruleFolder.text = "rule \"start\" { when status is Preparing\n start }"
        #expect(await harness.engine.reloadRules().isEmpty)
        await harness.engine.settle()
        #expect(harness.caller.actions == ["SetChargingProfile", "ClearChargingProfile"])
        #expect(harness.caller.calls[1].payload == JSONObject([("id", 101)]))
        let overview = await harness.engine.rulesOverview()
        #expect(overview.rules.map(\.name) == ["start"])
        #expect(overview.active == [ConnectorKey(chargerId: "garage", connectorId: 1): []])
        await harness.stop()
    }

    @Test func inputsAndPushedPricesArePersistedAndReloadedAtStart() async throws {
        let folder = try TemporaryDirectory()
        let hour = EngineHarness.start.addingTimeInterval(3600)
        do {
            let first = try EngineHarness(rules: Self.offByDefault, folder: folder)
            await first.start()
            let known = try await first.engine.updateInputs(
                try InputUpdate(json: ["grid.power": -1500, "input.boost": 1]))
            #expect(known.map(\.name) == ["grid.power", "input.boost", "solar.surplus"])
            #expect(known.map(\.value) == [-1500, 1, 1500])
            try await first.engine.replaceTariff([PriceSlot(start: EngineHarness.start, end: hour, price: 0.05)])
            await first.engine.settle()
            await first.stop()
        }
        let second = try EngineHarness(rules: Self.offByDefault, folder: folder)
        await second.start()
        await second.advance(by: 30)
        let inputs = await second.engine.inputs()
        #expect(inputs.map(\.name) == ["grid.power", "input.boost", "solar.surplus"])
        #expect(inputs.map(\.ageSeconds) == [30, 30, 30])
        #expect(inputs.map(\.stale) == [false, false, false])
        let slots = await second.engine.tariffSlots(from: EngineHarness.start, to: hour.addingTimeInterval(1800))
        #expect(
            slots == [
                PriceSlot(start: EngineHarness.start, end: hour, price: 0.05),
                PriceSlot(start: hour, end: hour.addingTimeInterval(1800), price: 0.30),
            ])
        await second.stop()
    }

    @Test func badInputsAndOverlappingPricesAreRefused() async throws {
        let harness = try EngineHarness(rules: Self.offByDefault)
        #expect(throws: InputError.badName("grid.pwr")) { try InputUpdate(json: ["grid.pwr": 1]) }
        let end = EngineHarness.start.addingTimeInterval(3600)
        await #expect(throws: SchedulerControlError.self) {
            try await harness.engine.replaceTariff([
                PriceSlot(start: EngineHarness.start, end: end, price: 0.1),
                PriceSlot(start: EngineHarness.start, end: end, price: 0.2),
            ])
        }
        await harness.store.close()
    }

    @Test func cheapestReadsThePushedTariff() async throws {
        let rules = """
            rule "off by default" {
                pause
            }
            rule "cheapest hour" {
                priority 1
                when cheapest 1h before 07:00
                charge
                limit 16 A
            }
            """
        let harness = try EngineHarness(rules: rules)
        let cheap = EngineHarness.start.addingTimeInterval(3 * 3600)
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 0.0"])
        try await harness.engine.replaceTariff([
            PriceSlot(start: cheap, end: cheap.addingTimeInterval(3600), price: 0.01)
        ])
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 0.0"])
        await harness.advance(by: 3 * 3600)
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 16.0"])
        await harness.advance(by: 3600)
        #expect(harness.profiles == ["TxDefaultProfile 0.0", "TxDefaultProfile 16.0", "TxDefaultProfile 0.0"])
        #expect(await harness.engine.evaluationCount() > 3)
        await harness.stop()
    }

    @Test func aBudgetTooSmallForEveryonePausesTheLongestChargingAndSaysSo() async throws {
        var chargers = ["a", "b", "c"].map { EngineHarness.charger($0, status: .charging, transactionId: 1) }
        chargers[1].connectors[0].chargingSeconds = 3600
        let harness = try EngineHarness(
            rules: "rule \"fuse\" {\n share 15 A\n}", chargers: chargers)
        await harness.start()
        #expect(harness.profiles(of: "a") == ["TxDefaultProfile 7.5"])
        #expect(harness.profiles(of: "b") == ["TxDefaultProfile 0.0"])
        #expect(harness.profiles(of: "c") == ["TxDefaultProfile 7.5"])
        let paused = try await harness.store.decisions(chargerId: "b")
        #expect(paused.map(\.explanation) == ["pause, the shared budget is too small (share: fuse)"])
        await harness.stop()
    }

    @Test func aChargerThatWentAwayIsSentNothingWhenAnotherChargersChangeCutsItsShare() async throws {
        let harness = try EngineHarness(
            rules: "rule \"fuse\" {\n share 20 A\n}",
            chargers: [
                EngineHarness.charger("carport", status: .available),
                EngineHarness.charger("garage", status: .charging, transactionId: 7),
            ])
        await harness.start()
        #expect(harness.profiles(of: "garage") == ["TxDefaultProfile 16.0"])
        harness.directory.update("garage") { $0.connected = false }
        await harness.changed(.disconnected(chargerId: "garage"))
        // Between ticks only the carport changes, but the rules now halve the garage's share: the
        // pass must know the garage is gone rather than send it a profile.
        harness.directory.setConnector("carport", 1, status: .charging, transactionId: 8)
        await harness.changed(.transactionStarted(chargerId: "carport", connectorId: 1, transactionId: 8))
        #expect(harness.profiles(of: "carport") == ["TxDefaultProfile 10.0"])
        #expect(harness.profiles(of: "garage") == ["TxDefaultProfile 16.0"])
        await harness.stop()
    }

    @Test func twoChargersShareABudget() async throws {
        let rules = """
            rule "garage fuse" {
                chargers garage, carport
                share 20 A
            }
            """
        let harness = try EngineHarness(
            rules: rules,
            chargers: [
                EngineHarness.charger("carport", status: .charging, transactionId: 8),
                EngineHarness.charger("garage", status: .charging, transactionId: 7),
            ])
        await harness.start()
        #expect(harness.profiles(of: "carport") == ["TxDefaultProfile 10.0"])
        #expect(harness.profiles(of: "garage") == ["TxDefaultProfile 10.0"])
        harness.directory.setConnector("carport", 1, status: .available)
        await harness.changed(.transactionStopped(chargerId: "carport", connectorId: 1, transactionId: 8))
        await harness.advance(by: 10)
        #expect(harness.caller.calls.last?.chargerId == "garage")
        #expect(harness.profiles.last == "TxDefaultProfile 16.0")
        await harness.stop()
    }
}
