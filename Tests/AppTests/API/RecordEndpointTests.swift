import Chronology
import Foundation
import JSON
import OCPP
import Store
import Testing

@testable import App

@Suite struct RecordEndpointTests {
    @Test func decisionsPassTheFiltersAndAnswerEachDecision() async {
        let api = APIHarness()
        api.records.setDecisions([
            DecisionRecord(
                id: 4, at: APIHarness.now, chargerId: "garage", connectorId: 1, charging: true, limitAmps: 10,
                phases: 1, rules: ["charging": ["cheap"], "limit": ["fuse"]], unknownInputs: ["grid.power"],
                explanation: "cheap overnight", heldBack: ["start: waits"], askedLimitAmps: 12.34, minCurrent: 6,
                maxCurrent: 10, inputs: ["solar.power": 4100, "input.boost": 1])
        ])
        let response = await api.request(
            "GET", "/api/decisions?charger=garage&since=2026-11-25T00:00:00Z&connector=1&limit=5")
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"[{"id":4,"at":"2026-11-25T08:00:00Z","charger":"garage","connector":1,"charging":true,"#
                + #""limitAmps":10,"phases":1,"session":null,"availability":null,"rules":{"charging":["cheap"],"#
                + #""limit":["fuse"]},"unknownInputs":["grid.power"],"heldBack":["start: waits"],"#
                + #""askedLimitAmps":12.3,"minCurrent":6,"maxCurrent":10,"inputs":{"input.boost":1,"#
                + #""solar.power":4100},"explanation":"cheap overnight"}]"#)
        #expect(
            api.records.lastQuery
                == FakeRecords.Query(
                    chargerId: "garage", connectorId: 1, since: RFC3339.parse("2026-11-25T00:00:00Z"), limit: 5))
    }

    @Test func commandsAnswerOutcomeErrorAndLatency() async {
        let api = APIHarness()
        api.records.recordCommand(
            CommandRecord(
                id: 9, chargerId: "garage", connectorId: 1, action: "SetChargingProfile", payload: ["connectorId": 1],
                source: .scheduler, decisionId: 4, sentAt: APIHarness.now,
                outcome: .callError(code: "NotSupported", description: "nope"), latencyMs: 12.34,
                reason: "limit 10.0 A"))
        let response = await api.request("GET", "/api/commands?charger=garage")
        #expect(
            response.text
                == #"[{"id":9,"at":"2026-11-25T08:00:00Z","charger":"garage","connector":1,"#
                + #""action":"SetChargingProfile","payload":{"connectorId":1},"source":"scheduler","decisionId":4,"#
                + #""outcome":"CallError","error":{"code":"NotSupported","description":"nope"},"response":null,"#
                + #""latencyMs":12.3,"reason":"limit 10.0 A"}]"#)
        #expect(
            api.records.lastQuery == FakeRecords.Query(chargerId: "garage", connectorId: nil, since: nil, limit: 100))
    }

    /// Transaction 17 is an OCPP 2.0.1 station's, started by Ampwise's RequestStartTransaction 5.
    @Test func transactionsShowEnergyDurationAndStopReasonAndLiveEnergyWhileOpen() async {
        let api = APIHarness(snapshots: [APIHarness.garage])
        api.records.setTransactions([
            TransactionRecord(
                id: 17, chargerId: "garage", connectorId: 1, idTag: "ampwise", meterStart: 1200,
                startedAt: APIHarness.now.addingTimeInterval(-3600), recordedAt: APIHarness.now,
                ocppTransactionId: "a1b2", remoteStartId: 5),
            TransactionRecord(
                id: 16, chargerId: "garage", connectorId: 1, idTag: "ampwise", meterStart: 0,
                startedAt: APIHarness.now.addingTimeInterval(-7200), meterStop: 800,
                stoppedAt: APIHarness.now.addingTimeInterval(-5400), stopReason: "EVDisconnected", energyWh: 800,
                recordedAt: APIHarness.now),
        ])
        let response = await api.request("GET", "/api/transactions?charger=garage")
        #expect(
            response.text
                == #"[{"id":17,"ocppTransactionId":"a1b2","remoteStartId":5,"charger":"garage","connector":1,"idTag":"ampwise","startedAt":"2026-11-25T07:00:00Z","#
                + #""stoppedAt":null,"meterStart":1200,"meterStop":null,"energyWh":5400,"durationSeconds":3600,"#
                + #""stopReason":null,"open":true},{"id":16,"ocppTransactionId":"16","remoteStartId":null,"charger":"garage","connector":1,"idTag":"ampwise","#
                + #""startedAt":"2026-11-25T06:00:00Z","stoppedAt":"2026-11-25T06:30:00Z","meterStart":0,"#
                + #""meterStop":800,"energyWh":800,"durationSeconds":1800,"stopReason":"EVDisconnected","#
                + #""open":false}]"#)
    }

    @Test(arguments: [
        ("/api/commands?since=yesterday", "since: expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z"),
        ("/api/decisions?limit=0", "limit: expected an integer from 1 to 1000"),
        ("/api/transactions?connector=0", "connector: expected an integer from 1 to 1000"),
    ])
    func badFiltersAre400(target: String, message: String) async {
        let response = await APIHarness().request("GET", target)
        #expect(response.status == .badRequest)
        #expect(response.text == JSONWriter.string(["error": .string(message)]))
    }

    // MARK: closing a forgotten transaction

    @Test func closingATransactionAnswersItAsStored() async {
        let api = APIHarness()
        let closed = TransactionRecord(
            id: 12, chargerId: "garage", connectorId: 1, idTag: "car", meterStart: 1000,
            startedAt: APIHarness.now.addingTimeInterval(-3600), meterStop: 1800,
            stoppedAt: APIHarness.now.addingTimeInterval(-3000), stopReason: "ClosedByHand", energyWh: 800,
            recordedAt: APIHarness.now.addingTimeInterval(-3600))
        api.transactions.answer(12, with: .success(closed))
        let response = await api.request("POST", "/api/transactions/12/close")
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"{"id":12,"ocppTransactionId":"12","remoteStartId":null,"charger":"garage","connector":1,"idTag":"car","startedAt":"2026-11-25T07:00:00Z","#
                + #""stoppedAt":"2026-11-25T07:10:00Z","meterStart":1000,"meterStop":1800,"energyWh":800,"#
                + #""durationSeconds":600,"stopReason":"ClosedByHand","open":false}"#)
        #expect(api.transactions.closed == [12])
    }

    @Test func closingAnUnknownTransactionIs404AndAStoppedOne409() async {
        let api = APIHarness()
        let unknown = await api.request("POST", "/api/transactions/7/close")
        #expect(unknown.status == .notFound)
        #expect(unknown.text == #"{"error":"unknown transaction 7"}"#)
        let stopped = TransactionRecord(
            id: 8, chargerId: "garage", connectorId: 1, idTag: "car", meterStart: 0, startedAt: APIHarness.now,
            stoppedAt: APIHarness.now, stopReason: "EVDisconnected", recordedAt: APIHarness.now)
        api.transactions.answer(8, with: .failure(.alreadyStopped(stopped)))
        let conflict = await api.request("POST", "/api/transactions/8/close")
        #expect(conflict.status == .conflict)
        #expect(conflict.text == #"{"error":"transaction 8 is stopped already (EVDisconnected)"}"#)
        let bad = await api.request("POST", "/api/transactions/x/close")
        #expect(bad.status == .badRequest)
        #expect(bad.text == #"{"error":"id: expected a transaction id: an integer from 1 to 2147483647"}"#)
    }
}
