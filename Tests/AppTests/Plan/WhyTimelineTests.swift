import ChargingModel
import Foundation
import JSON
import Store
import Testing

@testable import App
@testable import Scheduling

@Suite struct WhyTimelineTests {
    static let start = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25 00:00:00 UTC

    /// A SetChargingProfile payload as the scheduler sends it to a charger with default facts.
    static func setChargingProfile(amps: Double, purpose: ProfilePurpose, connectorId: Int, transactionId: Int?)
        -> JSONObject
    {
        let limit = ChargerFacts().chargingLimit(
            amps: amps, purpose: purpose, connectorId: connectorId, transactionId: transactionId, now: start)
        return ChargerCommand.setLimit(limit).ocpp16Request.jsonObject
    }

    static func withStore(_ body: (Store) async throws -> Void) async throws {
        let path = NSTemporaryDirectory() + "ampwise-why-" + UUID().uuidString + ".sqlite"
        let store = try Store(path: path)
        do {
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The security extension's certificate commands (docs/security.md) tell their type, the
    /// certificate deleted and how many the charger listed, in 1.6's words and 2.0.1's.
    @Test func certificateCommandsSayWhichCertificatesAndHowManyWereListed() {
        func line(_ action: String, _ payload: JSONValue, response: JSONValue? = nil, outcome: String = "Accepted")
            -> String
        {
            AuditTimeline.describe(
                CommandRecord(
                    chargerId: "garage", action: action, payload: payload, source: .api, sentAt: Self.start,
                    outcome: .status(outcome), response: response))
        }
        let hash: JSONValue = [
            "hashAlgorithm": "SHA256", "issuerNameHash": "aa", "issuerKeyHash": "bb", "serialNumber": "3F2A",
        ]
        #expect(
            line("InstallCertificate", ["certificateType": "CentralSystemRootCertificate", "certificate": "PEM"])
                == "InstallCertificate CentralSystemRootCertificate -> Accepted")
        #expect(
            line(
                "GetInstalledCertificateIds", ["certificateType": "CentralSystemRootCertificate"],
                response: ["status": "Accepted", "certificateHashData": [hash, hash]])
                == "GetInstalledCertificateIds CentralSystemRootCertificate -> Accepted, 2 certificates")
        #expect(
            line(
                "GetInstalledCertificateIds", ["certificateType": ["CSMSRootCertificate", "V2GRootCertificate"]],
                response: ["status": "Accepted", "certificateHashDataChain": [["certificateHashData": hash]]])
                == "GetInstalledCertificateIds CSMSRootCertificate,V2GRootCertificate -> Accepted, 1 certificate")
        #expect(
            line(
                "DeleteCertificate", ["certificateHashData": hash], response: ["status": "NotFound"],
                outcome: "NotFound")
                == "DeleteCertificate serial 3F2A -> NotFound")
    }

    @Test func aCommandSaysWhyItWasSentWhereItsPayloadDoesNot() {
        let clear = CommandRecord(
            chargerId: "garage", connectorId: 1, action: "ClearChargingProfile", payload: ["id": 101],
            source: .scheduler, sentAt: Self.start, outcome: .status("Unknown"), latencyMs: 8,
            reason: "withdraw a profile set before Ampwise restarted")
        #expect(
            AuditTimeline.describe(clear)
                == "ClearChargingProfile id 101 [withdraw a profile set before Ampwise restarted] -> Unknown (8 ms)")
        let limit = CommandRecord(
            chargerId: "garage", connectorId: 1, action: "SetChargingProfile",
            payload: .object(
                Self.setChargingProfile(amps: 10, purpose: .txDefaultProfile, connectorId: 1, transactionId: nil)),
            source: .scheduler, sentAt: Self.start, outcome: .status("Accepted"), reason: "limit 10.0 A")
        #expect(AuditTimeline.describe(limit) == "SetChargingProfile TxDefaultProfile 10.0 A -> Accepted")
    }

    /// An OCPP 2.0.1 station's commands read like a 1.6 charger's (docs/ocpp201.md).
    @Test func anOCPP201StationsCommandsReadAsA16Chargers() {
        func describe(_ action: String, _ payload: JSONValue) -> String {
            AuditTimeline.describe(
                CommandRecord(
                    chargerId: "garage", connectorId: 1, action: action, payload: payload, source: .scheduler,
                    sentAt: Self.start, outcome: .status("Accepted")))
        }
        let profile: JSONValue = [
            "evseId": 1,
            "chargingProfile": [
                "id": 101, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Relative",
                "chargingSchedule": [
                    ["id": 101, "chargingRateUnit": "A", "chargingSchedulePeriod": [["startPeriod": 0, "limit": 6]]]
                ],
            ],
        ]
        #expect(describe("SetChargingProfile", profile) == "SetChargingProfile TxDefaultProfile 6.0 A -> Accepted")
        #expect(
            describe(
                "RequestStartTransaction",
                ["evseId": 1, "remoteStartId": 1, "idToken": ["idToken": "car", "type": "Central"]])
                == "RequestStartTransaction idTag car -> Accepted")
        #expect(
            describe("RequestStopTransaction", ["transactionId": "tx-7"])
                == "RequestStopTransaction transaction tx-7 -> Accepted")
        #expect(
            describe("ChangeAvailability", ["operationalStatus": "Inoperative"])
                == "ChangeAvailability Inoperative -> Accepted")
        #expect(
            describe("ClearChargingProfile", ["chargingProfileId": 101]) == "ClearChargingProfile id 101 -> Accepted")
    }

    @Test func aRecordedNightReadsAsATimelineOldestFirst() async throws {
        try await Self.withStore { store in
            let charge = try await store.recordDecision(
                DecisionRecord(
                    at: Self.start.addingTimeInterval(1800), chargerId: "garage", connectorId: 1, charging: true,
                    limitAmps: 16, rules: ["charging": ["cheap overnight"], "limit": ["cheap overnight"]],
                    explanation: "charge at 16.0 A (charging: cheap overnight; limit: cheap overnight)"))
            store.recordCommand(
                CommandRecord(
                    chargerId: "garage", connectorId: 1, action: "SetChargingProfile",
                    payload: .object(
                        Self.setChargingProfile(
                            amps: 16, purpose: .txDefaultProfile, connectorId: 1, transactionId: nil)),
                    source: .scheduler, decisionId: charge, sentAt: Self.start.addingTimeInterval(1800),
                    outcome: .status("Rejected"), latencyMs: 12.4))
            store.recordCommand(
                CommandRecord(
                    chargerId: "garage", connectorId: 1, action: "SetChargingProfile",
                    payload: .object(
                        Self.setChargingProfile(amps: 16, purpose: .txProfile, connectorId: 1, transactionId: 7)),
                    source: .scheduler, decisionId: charge, sentAt: Self.start.addingTimeInterval(1801),
                    outcome: .status("Accepted"), latencyMs: 9))
            _ = try await store.recordDecision(
                DecisionRecord(
                    at: Self.start.addingTimeInterval(23_400), chargerId: "garage", connectorId: 1, charging: false,
                    limitAmps: 0, rules: ["charging": ["off by default"]],
                    explanation: "pause (charging: off by default)"))
            store.recordCommand(
                CommandRecord(
                    chargerId: "garage", connectorId: 1, action: "SetChargingProfile",
                    payload: .object(
                        Self.setChargingProfile(amps: 0, purpose: .txProfile, connectorId: 1, transactionId: 7)),
                    source: .scheduler, sentAt: Self.start.addingTimeInterval(23_400), outcome: .timeout))
            store.recordCommand(
                CommandRecord(
                    chargerId: "carport", connectorId: 1, action: "RemoteStartTransaction",
                    payload: .object(JSONObject([("connectorId", 1), ("idTag", "x")])), source: .api,
                    sentAt: Self.start, outcome: .status("Accepted")))
            let text = try await WhyCommand.timeline(
                options: WhyOptions(chargerId: "garage"), store: store, timeZone: TimeZone(identifier: "UTC")!)
            #expect(
                text == """
                    Times in UTC (UTC+00:00).
                    2026-11-25 00:30:00  garage:1  decided  charge at 16.0 A (charging: cheap overnight; \
                    limit: cheap overnight)
                    2026-11-25 00:30:00  garage:1  sent     SetChargingProfile TxDefaultProfile 16.0 A \
                    -> Rejected (12 ms)
                    2026-11-25 00:30:01  garage:1  sent     SetChargingProfile TxProfile 16.0 A -> Accepted (9 ms)
                    2026-11-25 06:30:00  garage:1  decided  pause (charging: off by default)
                    2026-11-25 06:30:00  garage:1  sent     SetChargingProfile TxProfile 0.0 A -> Timeout

                    """)
            let since = try await WhyCommand.timeline(
                options: WhyOptions(chargerId: "garage", since: Self.start.addingTimeInterval(3600)), store: store,
                timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
            #expect(
                since.split(separator: "\n").map { String($0.prefix(19)) } == [
                    "Times in Europe/Ams", "2026-11-25 07:30:00", "2026-11-25 07:30:00",
                ])
            #expect(since.hasPrefix("Times in Europe/Amsterdam (UTC+01:00).\n"))
        }
    }

    @Test func nothingRecordedGivesAFriendlyLine() async throws {
        try await Self.withStore { store in
            let text = try await WhyCommand.timeline(
                options: WhyOptions(chargerId: "garage", connector: 2, since: Self.start), store: store,
                timeZone: TimeZone(identifier: "UTC")!)
            #expect(
                text
                    == "Nothing recorded for garage connector 2 since 2026-11-25 00:00:00 UTC+00:00 (UTC): "
                    + "no decision or command yet.\n"
            )
        }
    }

    @Test func theZoneLineNamesEachOffsetOfThePeriod() {
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        // 2026-10-25 01:00 UTC: summer time ends in Europe.
        let change = Date(timeIntervalSince1970: 1_792_890_000)
        #expect(
            AuditTimeline.zoneLine(
                amsterdam, dates: [change.addingTimeInterval(3600), change.addingTimeInterval(-3600)])
                == "Times in Europe/Amsterdam (UTC+02:00, then UTC+01:00).")
        #expect(AuditTimeline.zoneLine(amsterdam, dates: [Self.start]) == "Times in Europe/Amsterdam (UTC+01:00).")
        #expect(AuditTimeline.utcOffset(Self.start, in: TimeZone(secondsFromGMT: -12_600)!) == "UTC-03:30")
    }
}
