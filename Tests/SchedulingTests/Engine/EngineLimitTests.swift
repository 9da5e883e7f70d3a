import Foundation
import JSON
import TestSupport
import Testing

@testable import Scheduling

@Suite struct EngineLimitTests {
    /// One phase at 230 V: an export of 2300 W is a 10 A limit.
    static let solar = """
        rule "solar following" {
            limit -grid.power
        }
        """

    @Test func limitsFollowTheInputWithDeadbandAndPacedIncreases() async throws {
        let harness = try EngineHarness(rules: Self.solar)
        await harness.start()
        #expect(harness.caller.calls.isEmpty)  // grid.power unknown: no limit applies

        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -2300]))
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])

        // 10.4 A is within the 0.5 A deadband of 10 A.
        await harness.advance(by: 1)
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -2392]))
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])

        // 15 A is an increase: it waits until 10 s after the last change.
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -3450]))
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])
        await harness.advance(by: 9)
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxDefaultProfile 15.0"])

        // A decrease goes at once; below the minimum (6 A) is a 0 A pause profile.
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -1610]))
        await harness.engine.settle()
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -1000]))
        await harness.engine.settle()
        #expect(
            harness.profiles == [
                "TxDefaultProfile 10.0", "TxDefaultProfile 15.0", "TxDefaultProfile 7.0", "TxDefaultProfile 0.0",
            ])
        let decisions = try await harness.decisions()
        #expect(decisions.map(\.limitAmps) == [nil, 10, 10.4, 15, 7, 0])
        #expect(decisions.map(\.charging) == [nil, nil, nil, nil, nil, false])
        #expect(decisions[0].unknownInputs == ["grid.power"])
        #expect(
            decisions[5].explanation
                == "pause, the limit asked (4.3 A) is below the charger's minimum (6.0 A) (limit: solar following); "
                + "inputs: grid.power -1000 W")
        await harness.stop()
    }

    @Test func aLimitWithinTheDeadbandOfTheProfileOnItsWayIsNotSent() async throws {
        let harness = try EngineHarness(rules: Self.solar)
        await harness.start()
        harness.caller.hold()
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -2300]))
        await harness.caller.waitForCalls(1)
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -2392]))
        await harness.engine.evaluateNow()
        #expect(await harness.engine.commandsInFlight == 1)
        // Outside the deadband a new limit goes out at once, even with one on its way.
        _ = try await harness.engine.updateInputs(try InputUpdate(json: ["grid.power": -1610]))
        await harness.engine.evaluateNow()
        #expect(await harness.engine.commandsInFlight == 2)
        harness.caller.release()
        await harness.engine.settle()
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxDefaultProfile 7.0"])
        await harness.stop()
    }

    @Test func theCheapWindowEndingPausesWithAZeroProfileAndTheNextOneResumes() async throws {
        let rules = """
            rule "off by default" {
                pause
            }
            rule "cheap overnight" {
                priority 1
                when time in 00:30..06:30
                charge
                limit 16 A
            }
            """
        let harness = try EngineHarness(
            rules: rules, start: EngineHarness.start.addingTimeInterval(6 * 3600 + 29 * 60 + 55))
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 16.0"])
        await harness.advance(by: 10)
        #expect(harness.profiles == ["TxDefaultProfile 16.0", "TxDefaultProfile 0.0"])
        // Ticks while the pause stands send nothing more.
        for _ in 0..<3 { await harness.advance(by: 10) }
        #expect(harness.profiles.count == 2)
        #expect(!harness.caller.actions.contains("RemoteStopTransaction"))
        let decisions = try await harness.decisions()
        #expect(
            decisions.map(\.explanation) == [
                "charge at 16.0 A (charging: cheap overnight; limit: cheap overnight)",
                "pause (charging: off by default)",
            ])
        let commands = try await harness.commands()
        #expect(commands.map(\.decisionId) == decisions.map(\.id))
        await harness.stop()
    }

    @Test func aRejectedTxDefaultProfileFallsBackToTxProfileAndTheChargerRemembersIt() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        harness.caller.answer { call in
            let purpose = call.payload["csChargingProfiles"]?.objectValue?["chargingProfilePurpose"]?.stringValue
            return .success(JSONObject([("status", purpose == "TxDefaultProfile" ? "Rejected" : "Accepted")]))
        }
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxProfile 10.0"])
        let txProfile = harness.caller.calls[1].payload["csChargingProfiles"]?.objectValue
        #expect(txProfile?["transactionId"] == 7)
        #expect(txProfile?["chargingProfileId"] == 201)
        #expect(txProfile?["stackLevel"] == 5)
        let stored = try await harness.store.chargerSetting(chargerId: "garage", key: "workingProfilePurpose")
        #expect(stored == "TxProfile")
        let commands = try await harness.commands()
        #expect(commands.map(\.outcome) == [.status("Rejected"), .status("Accepted")])
        let states = await harness.engine.connectorStates(chargerId: "garage")
        #expect(states[1]?.appliedLimitAmps == 10)
        #expect(states[1]?.appliedStatus == "Accepted")
        #expect(states[1]?.limitAmps == 10)
        #expect(states[1]?.rules == ["cap"])
        #expect(states[1]?.source == "rules")
        await harness.stop()
    }

    @Test func aRememberedPurposeIsTriedFirstAfterARestart() async throws {
        let folder = try TemporaryDirectory()
        let first = try EngineHarness(rules: "rule \"cap\" { limit 10 A }", folder: folder)
        try await first.store.setChargerSetting(chargerId: "garage", key: "workingProfilePurpose", value: "TxProfile")
        await first.start()
        #expect(first.profiles == ["TxProfile 10.0"])
        await first.stop()
    }

    @Test func aProfileSetBeforeARestartIsWithdrawnWhenTheRulesNoLongerLimit() async throws {
        let folder = try TemporaryDirectory()
        let first = try EngineHarness(rules: "rule \"cap\" { limit 10 A }", folder: folder)
        await first.start()
        #expect(first.profiles == ["TxDefaultProfile 10.0"])
        await first.stop()

        // Ampwise restarts with the limit rule removed: the profile it set is still on the charger.
        let second = try EngineHarness(rules: "rule \"auto\" { when status is Preparing start }", folder: folder)
        await second.start()
        #expect(second.caller.calls.map(\.action) == ["ClearChargingProfile"])
        #expect(second.caller.calls.first?.payload["id"]?.intValue == 101)
        let recorded = try await second.commands().map { "\($0.action) \($0.outcome)" }
        #expect(recorded == ["SetChargingProfile Accepted", "ClearChargingProfile Accepted"])
        await second.advance(by: 60)
        #expect(second.caller.calls.count == 1)
        await second.stop()
    }

    @Test func aChargerThatDoesNotAnswerIsRetriedEveryRetryInterval() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        harness.caller.answer { _ in .failure(.timeout) }
        await harness.start()
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])
        await harness.advance(by: 20)
        #expect(harness.profiles.count == 1)
        harness.caller.answer { _ in .success(JSONObject([("status", "Accepted")])) }
        await harness.advance(by: 10)
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxDefaultProfile 10.0"])
        let commands = try await harness.commands()
        #expect(commands.map(\.outcome) == [.timeout, .status("Accepted")])
        #expect(commands[0].latencyMs != nil)
        await harness.stop()
    }

    @Test func aReconnectedChargerGetsItsDecisionsAgainOnceItIsSetUp() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        await harness.advance(by: 10)
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])
        // The set-up (GetConfiguration, ...) runs first: nothing until it is done.
        await harness.changed(.connected(chargerId: "garage"))
        #expect(harness.profiles == ["TxDefaultProfile 10.0"])
        await harness.changed(.configured(chargerId: "garage"))
        #expect(harness.profiles == ["TxDefaultProfile 10.0", "TxDefaultProfile 10.0"])
        // A set-up that never finishes holds the commands back for at most 30 s.
        await harness.changed(.booted(chargerId: "garage"))
        await harness.advance(by: 20)
        #expect(harness.profiles.count == 2)
        await harness.advance(by: 10)
        #expect(harness.profiles.count == 3)
        // The decision did not change: one record.
        #expect(try await harness.decisions().count == 1)
        await harness.stop()
    }

    @Test func aNewStackLevelFromTheSetUpSendsTheProfileAgain() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        harness.directory.update("garage") { $0.maxStackLevel = 8 }
        await harness.changed(.configured(chargerId: "garage"))
        let stackLevels = harness.caller.calls.map {
            $0.payload["csChargingProfiles"]?.objectValue?["stackLevel"]?.doubleValue
        }
        #expect(stackLevels == [5, 8])
        await harness.stop()
    }

    @Test func aDisconnectedChargerIsSentNothing() async throws {
        var offline = EngineHarness.charger("garage", status: .charging, transactionId: 7)
        offline.connected = false
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }", chargers: [offline])
        await harness.start()
        #expect(harness.caller.calls.isEmpty)
        #expect(try await harness.decisions().count == 1)
        await harness.stop()
    }
}
