import ChargingModel
import Foundation
import JSON
import OCPP
import Testing

@testable import ChargePointManagement

@Suite("Transactions", .timeLimit(.minutes(1)))
struct TransactionHandlingTests {
    static func register(_ wattHours: String, unit: UnitOfMeasure? = nil, context: ReadingContext? = nil)
        -> SampledValue
    {
        SampledValue(value: wattHours, context: context, measurand: .energyActiveImportRegister, unit: unit)
    }

    @Test func startTransactionGetsAPositiveGrowingIdFromTheStoreAndTheIdTagStatus() async throws {
        let policy = IdTagPolicy(defaultStatus: .accepted, tags: ["DEADBEEF": .blocked])
        let fixture = try FleetFixture(idTags: policy)
        let reply = await fixture.send(
            .startTransaction(
                StartTransactionRequest(
                    connectorId: 1, idTag: "DEADBEEF", meterStart: 1000, timestamp: FleetFixture.start)))
        let first = try #require(try await fixture.store.openTransactions(chargerId: "CP1").first)
        #expect(first.id > 0)
        #expect(
            reply
                == .confirm(
                    StartTransactionConfirmation(idTagInfo: IdTagInfo(status: .blocked), transactionId: first.id)
                        .jsonObject))
        let second = try #require(await fixture.start(connector: 2, meterStart: 50))
        #expect(second > first.id)
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(
            snapshot.connector(1)?.transaction
                == TransactionSnapshot(
                    id: first.id, idTag: "DEADBEEF", startedAt: FleetFixture.start, meterStart: 1000, energyWh: 0))
        #expect(snapshot.connector(2)?.transaction?.id == second)
    }

    @Test func aRepeatedStartTransactionGetsTheSameIdAndNoSecondTransaction() async throws {
        let fixture = try FleetFixture()
        let first = try #require(await fixture.start(meterStart: 700, at: 5))
        let again = try #require(await fixture.start(meterStart: 700, at: 5))
        #expect(again == first)
        #expect(try await fixture.store.openTransactions(chargerId: "CP1").map(\.id) == [first])
        let other = try #require(await fixture.start(meterStart: 700, at: 6))
        #expect(other > first)
    }

    @Test func sessionEnergyIsRegisterMinusMeterStartAndStopStoresMeterStopMinusMeterStart() async throws {
        let fixture = try FleetFixture()
        let id = try #require(await fixture.start(meterStart: 12_000))
        let reply = await fixture.meterValues(
            transactionId: id, at: 60,
            [
                Self.register("12.5", unit: .kilowattHours),
                SampledValue(value: "3.6", measurand: .powerActiveImport, unit: .kilowatts),
                SampledValue(value: "16", measurand: .currentImport, phase: .l1, unit: .amperes),
                SampledValue(value: "15", measurand: .currentImport, phase: .l2, unit: .amperes),
                SampledValue(value: "", measurand: .voltage),
            ])
        #expect(reply == .confirm(JSONObject()))
        let connector = try #require(fixture.fleet.snapshot("CP1")?.connector(1))
        #expect(connector.transaction?.energyWh == 500)
        #expect(connector.measurands[.energyActiveImportRegister]?.value == 12_500)
        #expect(connector.measurands[.powerActiveImport]?.value == 3600)
        #expect(connector.measurands[.currentImport]?.value == 15.5)
        #expect(connector.measurands[.currentImport]?.phases == ["L1": 16, "L2": 15])
        #expect(connector.measurands[.voltage] == nil)

        let stopped = await fixture.stop(transactionId: id, meterStop: 14_250, at: 600, reason: .evDisconnected)
        #expect(stopped == .confirm(JSONObject()))
        let stored = try #require(try await fixture.store.transaction(id: id))
        #expect(stored.energyWh == 2250)
        #expect(stored.stopReason == "EVDisconnected")
        let after = try #require(fixture.fleet.snapshot("CP1")?.connector(1))
        #expect(after.transaction == nil)
        #expect(after.lastStopReason == "EVDisconnected")
        let rows = try await fixture.store.meterValues(chargerId: "CP1", transactionId: id)
        #expect(rows.count == 4)
    }

    @Test func aChargerThatCountsEachSessionFromZeroGetsItsOwnFigure() async throws {
        let fixture = try FleetFixture()
        let id = try #require(await fixture.start(meterStart: 1_234_000))
        _ = await fixture.meterValues(transactionId: id, at: 60, [Self.register("40")])
        _ = await fixture.meterValues(transactionId: id, at: 120, [Self.register("900")])
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.transaction?.energyWh == 900)
        _ = await fixture.stop(transactionId: id, meterStop: 1000, at: 180)
        #expect(try await fixture.store.transaction(id: id)?.energyWh == 1000)
    }

    @Test func transactionDataOfStopTransactionIsStoredAndCounts() async throws {
        let fixture = try FleetFixture()
        let id = try #require(await fixture.start(meterStart: 500))
        let data = [
            MeterValue(
                timestamp: FleetFixture.start, sampledValue: [Self.register("500", context: .transactionBegin)]),
            MeterValue(
                timestamp: FleetFixture.start.addingTimeInterval(300),
                sampledValue: [Self.register("1700", context: .transactionEnd)]),
        ]
        let reply = await fixture.stop(
            transactionId: id, meterStop: 1700, at: 300, reason: .local, idTag: "04A2B3C4", transactionData: data)
        #expect(reply == .confirm(StopTransactionConfirmation(idTagInfo: IdTagInfo(status: .accepted)).jsonObject))
        let rows = try await fixture.store.meterValues(transactionId: id)
        #expect(rows.map(\.context) == ["Transaction.End", "Transaction.Begin"])
        #expect(rows.map(\.value) == [1700, 500])
        #expect(try await fixture.store.transaction(id: id)?.energyWh == 1200)
    }

    @Test func meterValuesAfterTheEndDoNotReopenTheTransaction() async throws {
        let fixture = try FleetFixture()
        let id = try #require(await fixture.start(meterStart: 0))
        _ = await fixture.stop(transactionId: id, meterStop: 800, at: 100)
        let late = await fixture.meterValues(
            transactionId: id, at: 90, [Self.register("790", context: .transactionEnd)])
        #expect(late == .confirm(JSONObject()))
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.transaction == nil)
        #expect(try await fixture.store.transaction(id: id)?.energyWh == 800)
        #expect(try await fixture.store.events(chargerId: "CP1", kind: "UnknownTransaction").isEmpty)
        #expect(try await fixture.store.meterValues(transactionId: id).count == 1)
    }

    @Test func unknownTransactionIdsAreRecordedAndAnsweredNormally() async throws {
        let fixture = try FleetFixture()
        let meter = await fixture.meterValues(transactionId: 9999, at: 10, [Self.register("100")])
        #expect(meter == .confirm(JSONObject()))
        let stop = await fixture.stop(transactionId: 8888, meterStop: 5000, at: 20, idTag: "04A2B3C4")
        #expect(stop == .confirm(StopTransactionConfirmation(idTagInfo: IdTagInfo(status: .accepted)).jsonObject))
        let stored = try #require(try await fixture.store.transaction(id: 8888))
        #expect(stored.wasUnknownAtStop)
        let events = try await fixture.store.events(chargerId: "CP1", kind: "UnknownTransaction")
        let actions = events.compactMap { event -> String? in
            guard case .object(let payload) = event.payload, case .string(let action) = payload["action"] else {
                return nil
            }
            return action
        }
        #expect(actions.sorted() == ["MeterValues", "StopTransaction"])
        #expect(try await fixture.store.meterValues(transactionId: 9999).count == 1)
        // Ids stay unique past the invented one.
        let next = try #require(await fixture.start(meterStart: 0))
        #expect(next > 8888)
    }

    @Test func chargingSecondsCountOnlyWhileChargingInTheOpenTransaction() async throws {
        let fixture = try FleetFixture()
        await fixture.status(connector: 1, .preparing)
        _ = try #require(await fixture.start(meterStart: 0))
        await fixture.status(connector: 1, .charging)
        fixture.advance(100)
        await fixture.status(connector: 1, .suspendedEV)
        fixture.advance(50)
        await fixture.status(connector: 1, .charging)
        fixture.advance(25)
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.chargingSeconds == 125)
    }
}
