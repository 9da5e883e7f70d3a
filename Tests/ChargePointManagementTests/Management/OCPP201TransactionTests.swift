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

    @Test func aSessionStartedWithoutAnEnergyReadingCountsFromItsFirstReading() async throws {
        let fixture = try FleetFixture()
        _ = await fixture.transactionEvent(.started, id: "no-meter", seqNo: 0, chargingState: .charging)
        let open = try #require(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction)
        fixture.advance(60)
        // The station's register counts for its whole life: 2,000 kWh before this session.
        _ = await fixture.transactionEvent(
            .updated, id: "no-meter", seqNo: 1, evse: nil, meterValue: Self.energy(2_000_000, at: fixture.now))
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.energyWh == 0)
        fixture.advance(600)
        _ = await fixture.transactionEvent(
            .updated, id: "no-meter", seqNo: 2, evse: nil, meterValue: Self.energy(2_001_000, at: fixture.now))
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.energyWh == 1_000)
        fixture.advance(600)
        _ = await fixture.transactionEvent(
            .ended, id: "no-meter", seqNo: 3, evse: nil, meterValue: Self.energy(2_001_500, at: fixture.now))
        let stored = try #require(try await fixture.store.transaction(id: open.id))
        #expect(stored.energyWh == 1_500)
        #expect(stored.meterStart == nil)
    }

    @Test func aSessionStartedWithoutAnEnergyReadingStillCountsFromItsFirstReadingAfterARestart() async throws {
        let directory = try TemporaryDirectory()
        let transactionId: Int
        do {
            let before = try FleetFixture(directory: directory)
            _ = await before.transactionEvent(.started, id: "no-meter", seqNo: 0, chargingState: .charging)
            before.advance(60)
            _ = await before.transactionEvent(
                .updated, id: "no-meter", seqNo: 1, evse: nil, meterValue: Self.energy(2_000_000, at: before.now))
            transactionId = try #require(before.fleet.snapshot("CS1")?.connector(1)?.transaction?.id)
            await before.store.close()
        }
        let after = try FleetFixture(directory: directory)
        try await after.fleet.restore()
        after.advance(600)
        _ = await after.transactionEvent(
            .updated, id: "no-meter", seqNo: 2, evse: nil, meterValue: Self.energy(2_000_700, at: after.now))
        #expect(after.fleet.snapshot("CS1")?.connector(1)?.transaction?.id == transactionId)
        #expect(after.fleet.snapshot("CS1")?.connector(1)?.transaction?.energyWh == 700)
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

    @Test func eachRequestStartTransactionHasARemoteStartIdOfItsOwnAlsoAfterARestart() async throws {
        let directory = try TemporaryDirectory()
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let context = CommandContext(source: .api, connectorId: 1)
        do {
            let before = try FleetFixture(caller: caller, directory: directory)
            let dispatcher = try #require(before.fleet.commands)
            _ = await dispatcher.send(.startTransaction(connectorId: 1, idTag: "car"), to: "CS1", context: context)
            _ = await dispatcher.send(.startTransaction(connectorId: 1, idTag: "car"), to: "CS1", context: context)
            await before.store.close()
        }
        let after = try FleetFixture(caller: caller, directory: directory)
        let dispatcher = try #require(after.fleet.commands)
        _ = await dispatcher.send(.startTransaction(connectorId: 1, idTag: "car"), to: "CS1", context: context)
        let remoteStartIds = caller.calls.filter { $0.action == "RequestStartTransaction" }.map {
            $0.payload["remoteStartId"]
        }
        #expect(remoteStartIds == [.number(1), .number(2), .number(3)])
    }

    @Test func aStartedEventIsTiedToTheRequestStartTransactionThatCausedIt() async throws {
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let fixture = try FleetFixture(caller: caller)
        await fixture.ocpp201Status(evse: 2, .occupied)
        let dispatcher = try #require(fixture.fleet.commands)
        let context = CommandContext(source: .api, connectorId: 2)
        _ = await dispatcher.send(.startTransaction(connectorId: 2, idTag: "garage-tag"), to: "CS1", context: context)
        let sent = try #require(caller.calls.last?.payload["remoteStartId"])
        guard case .number(let remoteStartId) = sent else {
            Issue.record("no remoteStartId: \(sent)")
            return
        }
        #expect(Int(remoteStartId) != 2)
        // The station sends no id token of its own: the session takes the request's.
        _ = await fixture.transactionEvent(
            .started, id: "R-1", seqNo: 0, evse: 2, chargingState: .charging, remoteStartId: Int(remoteStartId),
            meterValue: Self.energy(100, at: fixture.now))
        let open = try #require(fixture.fleet.snapshot("CS1")?.connector(2)?.transaction)
        #expect(open.idTag == "garage-tag")
        #expect(try await fixture.store.transaction(id: open.id)?.idTag == "garage-tag")
        #expect(fixture.fleet.snapshot("CS1")?.connector(2)?.status == .charging)
    }

    /// Sends a RequestStartTransaction for EVSE 2 through a fleet on `directory`, closes its store
    /// (a restart) and answers the `remoteStartId` it was sent with.
    static func remoteStartBeforeARestart(caller: FakeChargePointCaller, directory: TemporaryDirectory) async throws
        -> Int
    {
        let before = try FleetFixture(caller: caller, directory: directory)
        let dispatcher = try #require(before.fleet.commands)
        _ = await dispatcher.send(
            .startTransaction(connectorId: 2, idTag: "garage-tag"), to: "CS1",
            context: CommandContext(source: .api, connectorId: 2))
        await before.store.close()
        return try #require(caller.calls.last?.payload["remoteStartId"]?.intValue)
    }

    @Test func aStartedEventAfterARestartIsTiedToTheRequestSentBeforeIt() async throws {
        let directory = try TemporaryDirectory()
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let remoteStartId = try await Self.remoteStartBeforeARestart(caller: caller, directory: directory)
        let after = try FleetFixture(caller: caller, directory: directory)
        try await after.fleet.restore()
        after.advance(60)
        _ = await after.transactionEvent(
            .started, id: "R-1", seqNo: 0, evse: 2, chargingState: .charging, remoteStartId: remoteStartId,
            meterValue: Self.energy(100, at: after.now))
        let open = try #require(after.fleet.snapshot("CS1")?.connector(2)?.transaction)
        #expect(open.idTag == "garage-tag")
        let stored = try #require(try await after.store.transaction(id: open.id))
        #expect(stored.idTag == "garage-tag")
        #expect(stored.remoteStartId == remoteStartId)
        #expect(try await after.store.pendingRemoteStarts(requestedSince: .distantPast).isEmpty)
    }

    @Test func aRequestOlderThanADayIsNoLongerTiedToAStartedEvent() async throws {
        let directory = try TemporaryDirectory()
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let remoteStartId = try await Self.remoteStartBeforeARestart(caller: caller, directory: directory)
        let after = try FleetFixture(caller: caller, directory: directory)
        after.advance(ChargerState.remoteStartExpiry + 60)
        try await after.fleet.restore()
        _ = await after.transactionEvent(
            .started, id: "R-1", seqNo: 0, evse: 2, chargingState: .charging, remoteStartId: remoteStartId)
        let open = try #require(after.fleet.snapshot("CS1")?.connector(2)?.transaction)
        #expect(open.idTag != "garage-tag")
        // What the station said is kept all the same.
        #expect(try await after.store.transaction(id: open.id)?.remoteStartId == remoteStartId)
    }

    @Test func aTransactionOpenedAtPlugInTakesTheRequestNamedByALaterEvent() async throws {
        let caller = FakeChargePointCaller()
        caller.setSpeaksOCPP201(["CS1"])
        let fixture = try FleetFixture(caller: caller)
        _ = await fixture.transactionEvent(.started, id: "P-1", seqNo: 0, evse: 1, chargingState: .evConnected)
        let id = try #require(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.id)
        let dispatcher = try #require(fixture.fleet.commands)
        _ = await dispatcher.send(
            .startTransaction(connectorId: 1, idTag: "garage-tag"), to: "CS1",
            context: CommandContext(source: .api, connectorId: 1))
        let remoteStartId = try #require(caller.calls.last?.payload["remoteStartId"]?.intValue)
        _ = await fixture.transactionEvent(
            .updated, id: "P-1", seqNo: 1, evse: nil, chargingState: .charging, remoteStartId: remoteStartId)
        let stored = try #require(try await fixture.store.transaction(id: id))
        #expect(stored.remoteStartId == remoteStartId)
        #expect(stored.idTag == "garage-tag")
        #expect(fixture.fleet.snapshot("CS1")?.connector(1)?.transaction?.idTag == "garage-tag")
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
