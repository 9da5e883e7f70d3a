import ChargingModel
import Foundation
import JSON
import TestSupport
import Testing

@testable import Store

@Suite struct StoreQueryTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    static func openStore(_ directory: TemporaryDirectory) throws -> Store {
        try Store(path: directory.file("queries.sqlite"))
    }

    @Test func chargerRecordsIdentityFeaturesAndTimes() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        let identity = ChargerIdentity(
            vendor: "Wall Box Chargers", model: "PLP1-0-2-4", serialNumber: "88034",
            firmwareVersion: "5.5.10", iccid: "8931", imsi: "2040", meterType: "DSZ15")
        store.recordBoot(ChargerBoot(chargerId: "garage", identity: identity, at: Self.start))
        store.recordSeen(chargerId: "garage", at: Self.start.addingTimeInterval(60), isHeartbeat: true)
        store.recordSeen(chargerId: "garage", at: Self.start.addingTimeInterval(90))
        store.recordFeatures(chargerId: "garage", features: ["Core", "SmartCharging"], connectorCount: 1)
        store.recordStatus(
            StatusRecord(chargerId: "garage", connectorId: 2, status: "Available", receivedAt: Self.start))
        let charger = try await store.charger(id: "garage")
        #expect(
            charger
                == ChargerRecord(
                    id: "garage", identity: identity, features: ["Core", "SmartCharging"], connectorCount: 2,
                    createdAt: Self.start, firstSeenAt: Self.start, lastSeenAt: Self.start.addingTimeInterval(90),
                    lastBootAt: Self.start, lastHeartbeatAt: Self.start.addingTimeInterval(60)))
        #expect(try await store.chargers().map(\.id) == ["garage"])
        #expect(try await store.charger(id: "nobody") == nil)
        await store.close()
    }

    @Test func aChargerSeenBeforeItBootedHasNoIdentity() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        store.recordSeen(chargerId: "garage", at: Self.start, isHeartbeat: true)
        let charger = try #require(try await store.charger(id: "garage"))
        #expect(charger.identity == nil)
        #expect(charger.lastHeartbeatAt == Self.start)
        await store.close()
    }

    @Test func configurationIsReplacedOrMerged() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        try await store.recordConfiguration(
            chargerId: "garage",
            entries: [
                ConfigurationEntry(key: "NumberOfConnectors", value: "1", isReadonly: true, reportedAt: Self.start),
                ConfigurationEntry(
                    key: "MeterValueSampleInterval", value: "30", isReadonly: false, reportedAt: Self.start),
            ], replacingAll: true)
        try await store.recordConfiguration(
            chargerId: "garage",
            entries: [
                ConfigurationEntry(
                    key: "MeterValueSampleInterval", value: "60", isReadonly: false, reportedAt: Self.start)
            ],
            replacingAll: false)
        #expect(
            try await store.configuration(chargerId: "garage") == [
                ConfigurationEntry(
                    key: "MeterValueSampleInterval", value: "60", isReadonly: false, reportedAt: Self.start),
                ConfigurationEntry(key: "NumberOfConnectors", value: "1", isReadonly: true, reportedAt: Self.start),
            ])
        try await store.recordConfiguration(
            chargerId: "garage",
            entries: [ConfigurationEntry(key: "X", value: nil, isReadonly: false, reportedAt: Self.start)],
            replacingAll: true)
        #expect(try await store.configuration(chargerId: "garage").map(\.key) == ["X"])
        await store.close()
    }

    @Test func learnedSettingsAreSetReadAndRemoved() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        try await store.setChargerSetting(chargerId: "garage", key: "chargingProfileKind", value: "TxDefaultProfile")
        try await store.setChargerSetting(chargerId: "garage", key: "chargingProfileKind", value: "TxProfile")
        try await store.setChargerSetting(chargerId: "garage", key: "pauseWorks", value: "false")
        #expect(
            try await store.chargerSettings(chargerId: "garage")
                == ["chargingProfileKind": "TxProfile", "pauseWorks": "false"])
        try await store.setChargerSetting(chargerId: "garage", key: "pauseWorks", value: nil)
        #expect(try await store.chargerSetting(chargerId: "garage", key: "pauseWorks") == nil)
        #expect(try await store.chargerSettings(chargerId: "carport") == [:])
        await store.close()
    }

    @Test func oneSettingIsReadForEveryChargerAtOnce() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        try await store.setChargerSetting(chargerId: "garage", key: "workingProfilePurpose", value: "TxProfile")
        try await store.setChargerSetting(chargerId: "carport", key: "workingProfilePurpose", value: "TxDefaultProfile")
        try await store.setChargerSetting(chargerId: "carport", key: "pauseWorks", value: "false")
        #expect(
            try await store.chargerSettings(key: "workingProfilePurpose")
                == ["garage": "TxProfile", "carport": "TxDefaultProfile"])
        #expect(try await store.chargerSettings(key: "nothing") == [:])
        await store.close()
    }

    @Test func latestStatusPerConnectorAndHistoryNewestFirst() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        let preparing = StatusRecord(
            chargerId: "garage", connectorId: 1, status: "Preparing", receivedAt: Self.start.addingTimeInterval(1))
        let faulted = StatusRecord(
            chargerId: "garage", connectorId: 1, status: "Faulted", errorCode: "GroundFailure", info: "RCD",
            vendorId: "WB", vendorErrorCode: "E42", chargerTimestamp: Self.start,
            receivedAt: Self.start.addingTimeInterval(2))
        let whole = StatusRecord(chargerId: "garage", connectorId: 0, status: "Available", receivedAt: Self.start)
        store.recordStatus(whole)
        store.recordStatus(preparing)
        store.recordStatus(faulted)
        #expect(try await store.connectorStatuses(chargerId: "garage") == [whole, faulted])
        let history = try await store.statusHistory(chargerId: "garage")
        #expect(history.map(\.status) == ["Faulted", "Preparing", "Available"])
        #expect(history.map(\.id) == [3, 2, 1])
        var expected = faulted
        expected.id = 3
        #expect(history.first == expected)
        #expect(try await store.statusHistory(connectorId: 1, limit: 1).map(\.status) == ["Faulted"])
        #expect(try await store.statusHistory(since: Self.start.addingTimeInterval(1)).count == 2)
        await store.close()
    }

    @Test func eventsKeepTheirPayload() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        let payload: JSONValue = ["type": "FirmwareUpdated", "timestamp": "2026-11-25T08:00:00Z"]
        store.recordEvent(
            ChargerEventRecord(chargerId: "garage", kind: "SecurityEventNotification", payload: payload, at: Self.start)
        )
        store.recordEvent(
            ChargerEventRecord(chargerId: "garage", kind: "DataTransfer", payload: ["vendorId": "x"], at: Self.start))
        let events = try await store.events(chargerId: "garage")
        #expect(events.map(\.kind) == ["DataTransfer", "SecurityEventNotification"])
        #expect(
            try await store.events(kind: "SecurityEventNotification")
                == [
                    ChargerEventRecord(
                        id: 1, chargerId: "garage", kind: "SecurityEventNotification", payload: payload, at: Self.start)
                ])
        await store.close()
    }

    @Test func aDecisionKeepsWhatItHeldBackAndTheNumbersBehindIt() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        var decision = DecisionRecord(
            at: Self.start, chargerId: "garage", connectorId: 1, charging: false, limitAmps: 0, session: "start",
            rules: ["limit": ["solar"], "session": ["auto start"]],
            explanation: "pause, the limit asked (4.3 A) is below the charger's minimum (6.0 A)",
            heldBack: [#"start: waits until the pause lifts (pause is "remoteStop")"#], askedLimitAmps: 4.3,
            minCurrent: 6, maxCurrent: 16, inputs: ["grid.power": -1000, "input.boost": 1])
        decision.id = try await store.recordDecision(decision)
        #expect(try await store.decisions(chargerId: "garage") == [decision])
        await store.close()
    }

    @Test func aDecisionKeepsThePhasesItHoldsTheLimitOn() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        var onePhase = DecisionRecord(
            at: Self.start, chargerId: "garage", connectorId: 1, charging: nil, limitAmps: 13, phases: 1)
        onePhase.id = try await store.recordDecision(onePhase)
        var unswitched = DecisionRecord(
            at: Self.start.addingTimeInterval(1), chargerId: "garage", connectorId: 1, charging: nil, limitAmps: 10)
        unswitched.id = try await store.recordDecision(unswitched)
        #expect(try await store.decisions(chargerId: "garage") == [unswitched, onePhase])
        #expect(try await store.decisions(chargerId: "garage").map(\.phases) == [nil, 1])
        await store.close()
    }

    @Test func decisionsAndTheirCommandsFormTheAuditTrail() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        let decision = DecisionRecord(
            at: Self.start, chargerId: "garage", connectorId: 1, charging: true, limitAmps: 10.5,
            rules: ["limit": ["solar following"], "charging": ["cheap overnight"]], unknownInputs: ["grid.power"],
            explanation: "limit 10.5 A by solar following")
        let decisionId = try await store.recordDecision(decision)
        let paused = DecisionRecord(
            at: Self.start.addingTimeInterval(60), chargerId: "garage", connectorId: 1, charging: false, limitAmps: nil)
        let pausedId = try await store.recordDecision(paused)
        let payload: JSONValue = ["connectorId": 1, "csChargingProfiles": ["chargingProfileId": 1001]]
        let accepted = CommandRecord(
            chargerId: "garage", connectorId: 1, action: "SetChargingProfile", payload: payload, source: .scheduler,
            decisionId: decisionId, sentAt: Self.start, outcome: .status("Accepted"), response: ["status": "Accepted"],
            latencyMs: 13.5, reason: "limit 16.0 A")
        let failed = CommandRecord(
            chargerId: "garage", connectorId: 1, action: "SetChargingProfile", payload: payload, source: .scheduler,
            decisionId: pausedId, sentAt: Self.start.addingTimeInterval(60),
            outcome: .callError(code: "NotSupported", description: "no smart charging"))
        let unanswered = CommandRecord(
            chargerId: "garage", action: "Reset", payload: ["type": "Soft"], source: .api,
            sentAt: Self.start.addingTimeInterval(120), outcome: .timeout)
        let offline = CommandRecord(
            chargerId: "carport", action: "GetConfiguration", payload: [:], source: .setup,
            sentAt: Self.start.addingTimeInterval(180), outcome: .notConnected)
        for command in [accepted, failed, unanswered, offline] { store.recordCommand(command) }

        var storedDecision = decision
        storedDecision.id = decisionId
        var storedPaused = paused
        storedPaused.id = pausedId
        #expect(try await store.decisions(chargerId: "garage") == [storedPaused, storedDecision])
        #expect(try await store.decisions(since: Self.start.addingTimeInterval(30)) == [storedPaused])
        #expect(try await store.latestDecisions() == [storedPaused])

        let commands = try await store.commands(chargerId: "garage")
        var storedAccepted = accepted
        storedAccepted.id = 1
        var storedFailed = failed
        storedFailed.id = 2
        var storedUnanswered = unanswered
        storedUnanswered.id = 3
        #expect(commands == [storedUnanswered, storedFailed, storedAccepted])
        #expect(try await store.commands(decisionId: decisionId) == [storedAccepted])
        #expect(try await store.commands(chargerId: "carport").map(\.outcome) == [.notConnected])
        #expect(try await store.commands(limit: 2).map(\.id) == [4, 3])
        #expect(
            CommandOutcome.callError(code: "NotSupported", description: "x").description == "CALLERROR NotSupported: x")
        await store.close()
    }

    @Test func inputsMergeAndAreCommittedWithTheNextBatch() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        store.recordInputs(["grid.power": -2300, "solar.power": 4100, "input.boost": 1], at: Self.start)
        let removal: [String: Double?] = ["grid.power": 500, "input.boost": nil]
        store.recordInputs(removal, at: Self.start.addingTimeInterval(10))
        #expect(await store.queuedWritesCommitted())
        #expect(
            try await store.inputs() == [
                InputRecord(name: "grid.power", value: 500, updatedAt: Self.start.addingTimeInterval(10)),
                InputRecord(name: "solar.power", value: 4100, updatedAt: Self.start),
            ])
        await store.close()
    }

    @Test func tariffPricesReplaceTheSpanTheyCoverAndAreReadByRange() async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openStore(directory)
        func slot(_ hour: Int, _ price: Double) -> TariffPriceRecord {
            TariffPriceRecord(
                start: Self.start.addingTimeInterval(Double(hour) * 3600),
                end: Self.start.addingTimeInterval(Double(hour + 1) * 3600), price: price)
        }
        try await store.replaceTariffPrices([slot(0, 0.30), slot(1, 0.25), slot(2, 0.20)])
        try await store.replaceTariffPrices([slot(1, 0.11)])
        #expect(
            try await store.tariffPrices(from: Self.start, to: Self.start.addingTimeInterval(3 * 3600))
                == [slot(0, 0.30), slot(1, 0.11), slot(2, 0.20)])
        #expect(
            try await store.tariffPrices(
                from: Self.start.addingTimeInterval(5400), to: Self.start.addingTimeInterval(7200)) == [slot(1, 0.11)])
        await store.close()
    }
}
