import Foundation
import JSON
import Testing

@testable import Scheduling

@Suite struct EngineSessionTests {
    static let autoStart = """
        rule "auto start" {
            when status is Preparing
            start idtag "car"
        }
        """

    @Test func preparingWithoutATransactionGetsARemoteStartWithTheRulesIdTag() async throws {
        let harness = try EngineHarness(
            rules: Self.autoStart, chargers: [EngineHarness.charger("garage", status: .available)])
        await harness.start()
        #expect(harness.caller.calls.isEmpty)

        harness.directory.setConnector("garage", 1, status: .preparing)
        await harness.changed(.status(chargerId: "garage", connectorId: 1))
        #expect(harness.caller.actions == ["RemoteStartTransaction"])
        #expect(harness.caller.calls[0].payload == JSONObject([("connectorId", 1), ("idTag", "car")]))

        // Still Preparing at the next tick: the start is not sent twice.
        await harness.advance(by: 10)
        #expect(harness.caller.actions == ["RemoteStartTransaction"])

        let decisions = try await harness.decisions()
        #expect(decisions.map(\.session) == [nil, "start"])
        #expect(decisions[1].rules == ["session": ["auto start"]])
        let commands = try await harness.commands()
        #expect(commands.count == 1)
        #expect(commands[0].source == .scheduler)
        #expect(commands[0].outcome == .status("Accepted"))
        #expect(commands[0].decisionId == decisions[1].id)
        #expect(commands[0].connectorId == 1)
        #expect(commands[0].response == .object(JSONObject([("status", "Accepted")])))
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(1))) func theDirectorysChangesReachTheEngineInOrder() async throws {
        let harness = try EngineHarness(
            rules: Self.autoStart, chargers: [EngineHarness.charger("garage", status: .available)])
        await harness.start()
        harness.directory.setConnector("garage", 1, status: .preparing)
        // Connected and configured at once: the charger is not held back for its set-up.
        harness.directory.emit(.connected(chargerId: "garage"))
        harness.directory.emit(.configured(chargerId: "garage"))
        await harness.caller.waitForCalls(1)
        #expect(harness.caller.actions == ["RemoteStartTransaction"])
        await harness.stop()
    }

    @Test func aPauseWithTheRemoteStopPolicyEndsTheTransactionAndResumesWhenItLifts() async throws {
        let rules = """
            rule "pause on boost" {
                when input.hold > 0
                pause
            }
            """
        let harness = try EngineHarness(rules: rules, settings: EngineHarness.settings(pause: .remoteStop))
        await harness.start()
        #expect(harness.caller.calls.isEmpty)

        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["input.hold": 1]))
        await harness.engine.settle()
        #expect(harness.caller.actions == ["RemoteStopTransaction"])
        #expect(harness.caller.calls[0].payload == JSONObject([("transactionId", 7)]))

        harness.directory.setConnector("garage", 1, status: .suspendedEV)
        await harness.changed(.transactionStopped(chargerId: "garage", connectorId: 1, transactionId: 7))
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["input.hold": 0]))
        await harness.engine.settle()
        #expect(harness.caller.actions == ["RemoteStopTransaction", "RemoteStartTransaction"])
        #expect(harness.caller.calls[1].payload == JSONObject([("connectorId", 1), ("idTag", "ampwise")]))
        await harness.stop()
    }

    @Test func aManualStartIsNotSentAgainByTheEngine() async throws {
        let harness = try EngineHarness(
            rules: Self.autoStart, chargers: [EngineHarness.charger("garage", status: .available)])
        await harness.start()
        await harness.engine.noteManualCommand(.start(chargerId: "garage", connectorId: 1))
        harness.directory.setConnector("garage", 1, status: .preparing)
        await harness.changed(.status(chargerId: "garage", connectorId: 1))
        #expect(harness.caller.calls.isEmpty)
        await harness.stop()
    }

    /// The README's tour: "off by default" pauses, "auto start" starts on plug-in.
    static let nightAndAutoStart = """
        rule "off by default" { pause }
        rule "cheap overnight" {
            priority 1
            when time in 00:30..06:30
            charge
            limit 16 A
        }
        rule "auto start" {
            when status is Preparing
            start idtag "car"
        }
        """

    @Test func withThePauseProfileAStartGoesOutWhilePausedAndTheSessionIsHeldAtZero() async throws {
        // 14:20, hours before the night window: the car is plugged in.
        let harness = try EngineHarness(
            rules: Self.nightAndAutoStart, chargers: [EngineHarness.charger("garage", status: .available)],
            start: EngineHarness.start.addingTimeInterval(14 * 3600 + 20 * 60))
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 0.0"])

        harness.directory.setConnector("garage", 1, status: .preparing)
        await harness.changed(.status(chargerId: "garage", connectorId: 1))
        #expect(harness.caller.actions == ["SetChargingProfile", "RemoteStartTransaction"])
        #expect(harness.caller.calls[1].payload == JSONObject([("connectorId", 1), ("idTag", "car")]))
        let decisions = try await harness.decisions()
        #expect(decisions.last?.charging == false)
        #expect(decisions.last?.session == "start")
        #expect(decisions.last?.heldBack == [])
        await harness.stop()
    }

    @Test func withThePauseRemoteStopTheStartWaitsAndTheDecisionSaysItIsHeldBack() async throws {
        let harness = try EngineHarness(
            rules: Self.nightAndAutoStart, chargers: [EngineHarness.charger("garage", status: .available)],
            settings: EngineHarness.settings(pause: .remoteStop),
            start: EngineHarness.start.addingTimeInterval(14 * 3600 + 20 * 60))
        await harness.start()
        harness.directory.setConnector("garage", 1, status: .preparing)
        await harness.changed(.status(chargerId: "garage", connectorId: 1))
        #expect(harness.caller.actions == [])
        let held = try #require(try await harness.decisions().last)
        #expect(held.heldBack == [#"start: waits until the pause lifts (pause is "remoteStop")"#])
        #expect(
            held.explanation
                == "pause, start a session (charging: off by default; session: auto start); held back: start: "
                + #"waits until the pause lifts (pause is "remoteStop")"#)

        // 00:30: the pause lifts and the start goes out.
        await harness.advance(by: 10 * 3600 + 10 * 60)
        #expect(harness.caller.actions == ["SetChargingProfile", "RemoteStartTransaction"])
        #expect(try await harness.decisions().last?.heldBack == [])
        await harness.stop()
    }

    @Test func aPauseBelowTheMinimumRecordsTheLimitAskedTheMinimumAndTheInputsRead() async throws {
        let rules = """
            rule "solar" {
                when grid.power < 0 W
                limit -grid.power
            }
            """
        let harness = try EngineHarness(rules: rules)
        await harness.start()
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -989]))
        await harness.engine.settle()
        let decision = try #require(try await harness.decisions().last)
        #expect(decision.charging == false)
        #expect(decision.askedLimitAmps.map { ($0 * 10).rounded() / 10 } == 4.3)
        #expect(decision.minCurrent == 6)
        #expect(decision.maxCurrent == 16)
        #expect(decision.inputs == ["grid.power": -989])
        #expect(
            decision.explanation
                == "pause, the limit asked (4.3 A) is below the charger's minimum (6.0 A) (limit: solar); "
                + "inputs: grid.power -989 W")
        // The surplus moves but stays below the minimum: the same decision, not a new record.
        let recorded = try await harness.decisions().count
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -1100]))
        await harness.engine.settle()
        #expect(try await harness.decisions().count == recorded)
        await harness.stop()
    }

    @Test func aLimitAboveTheChargersMaximumSaysWhatWasAsked() async throws {
        let harness = try EngineHarness(rules: #"rule "high" { limit 40 A }"#)
        await harness.start()
        let decision = try #require(try await harness.decisions().last)
        #expect(decision.limitAmps == 16)
        #expect(decision.askedLimitAmps == 40)
        #expect(decision.explanation == "limit 16.0 A, 40.0 A asked, capped at the charger's maximum (limit: high)")
        await harness.stop()
    }
}
