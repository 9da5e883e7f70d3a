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
}
