import ChargingModel
import Foundation
import JSON
import OCPP201
import Store
import TestSupport
import Testing

@testable import ChargePointManagement

/// TransactionEvent Started / Updated / Ended as sessions like 1.6's (SPEC §12, docs/ocpp201.md).
@Suite(.timeLimit(.minutes(1))) struct OCPP201TransactionTests {
    static func energy(_ wh: Double, at: Date) -> [OCPP201.MeterValue] {
        [
            OCPP201.MeterValue(
                sampledValue: [SampledValue(value: wh, measurand: .energyActiveImportRegister)], timestamp: at)
        ]
    }

    @Test func aSessionIsStoredWithTheStationsIdItsEnergyAndItsDuration() async throws {
        let fixture = try FleetFixture()
        await fixture.ocpp201Status(evse: 1, .occupied)
        let started = await fixture.transactionEvent(
            .started, id: "abc-1", seqNo: 0, chargingState: .charging, idToken: "04A2B3C4",
            meterValue: Self.energy(10_000, at: fixture.now))
        guard case .confirm = started else {
            Issue.record("refused: \(started)")
            return
        }
        let open = try #require(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction)
        #expect(open.idTag == "04A2B3C4")
        fixture.advance(600)
        _ = await fixture.transactionEvent(
            .updated, id: "abc-1", seqNo: 1, evse: nil, chargingState: .charging,
            meterValue: Self.energy(11_500, at: fixture.now))
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.energyWh == 1_500)
        #expect(fixture.fleet.ocpp201TransactionId(of: open.id, on: "CS1") == "abc-1")
        fixture.advance(600)
        _ = await fixture.transactionEvent(
            .ended, id: "abc-1", seqNo: 2, evse: nil, meterValue: Self.energy(12_000, at: fixture.now))
        let stored = try #require(try await fixture.store.transaction(id: open.id))
        #expect(stored.ocppTransactionId == "abc-1")
        #expect(stored.connectorId == 1)
        #expect(stored.meterStart == 10_000)
        #expect(stored.meterStop == 12_000)
        #expect(stored.energyWh == 2_000)
        #expect(stored.durationSeconds == 1_200)
        #expect(stored.idTag == "04A2B3C4")
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction == nil)
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.status == .finishing)
        #expect(try await fixture.store.meterValues(transactionId: open.id, limit: 10).count == 3)
    }

    @Test func aRepeatedStartedEventDoesNotOpenASecondSession() async throws {
        let fixture = try FleetFixture()
        _ = await fixture.transactionEvent(.started, id: "T", seqNo: 0, meterValue: Self.energy(0, at: fixture.now))
        _ = await fixture.transactionEvent(.started, id: "T", seqNo: 0, meterValue: Self.energy(0, at: fixture.now))
        #expect(try await fixture.store.openTransactions(chargerId: "CS1").count == 1)
    }

    @Test func anEndedEventForATransactionNeverSeenIsRecordedAsUnknown() async throws {
        let fixture = try FleetFixture()
        let reply = await fixture.transactionEvent(.ended, id: "ghost", seqNo: 5)
        guard case .confirm = reply else {
            Issue.record("refused: \(reply)")
            return
        }
        #expect(try await fixture.store.events(chargerId: "CS1", kind: "UnknownTransaction").count == 1)
        #expect(try await fixture.store.transactions(chargerId: "CS1").isEmpty)
    }

    @Test func anOpenSessionCarriesOnAfterARestart() async throws {
        let directory = try TemporaryDirectory()
        let transactionId: Int
        do {
            let before = try FleetFixture(directory: directory)
            await before.ocpp201Status(evse: 1, .occupied)
            _ = await before.transactionEvent(
                .started, id: "keep", seqNo: 0, chargingState: .charging, idToken: "tag",
                meterValue: Self.energy(500, at: before.now))
            transactionId = try #require(before.fleet.snapshot("CS1")?.connector(1)?.transaction?.id)
            await before.store.close()
        }
        let after = try FleetFixture(directory: directory)
        try await after.fleet.restore()
        #expect(after.fleet.snapshot("CS1")?.connector(1)?.status == .charging)
        #expect(after.fleet.ocpp201TransactionId(of: transactionId, on: "CS1") == "keep")
        after.advance(60)
        _ = await after.transactionEvent(
            .ended, id: "keep", seqNo: 1, evse: nil, meterValue: Self.energy(1_700, at: after.now))
        let stored = try #require(try await after.store.transaction(id: transactionId))
        #expect(stored.energyWh == 1_200)
        #expect(!stored.isOpen)
    }

    @Test func aStopCommandCarriesTheStationsOwnId() async throws {
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let fixture = try FleetFixture(caller: caller)
        _ = await fixture.transactionEvent(.started, id: "S-9", seqNo: 0, meterValue: Self.energy(0, at: fixture.now))
        let id = try #require(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.id)
        let dispatcher = try #require(fixture.fleet.commands)
        let result = await dispatcher.send(
            .stopTransaction(transactionId: id), to: "CS1", context: CommandContext(source: .api, connectorId: 1))
        #expect(result.outcome == .status("Accepted"))
        #expect(caller.calls.map(\.action) == ["RequestStopTransaction"])
        #expect(caller.calls.first?.payload["transactionId"] == "S-9")
        // One the station never reported cannot be stopped by its id: refused, recorded, not sent.
        let unknown = await dispatcher.send(
            .stopTransaction(transactionId: id + 1), to: "CS1", context: CommandContext(source: .api, connectorId: 1))
        #expect(
            unknown.outcome
                == .callError(
                    code: "InvalidRequest",
                    description: "the charging station never reported this transaction, so its OCPP 2.0.1 id is unknown"
                ))
        #expect(caller.calls.count == 1)
    }
}
