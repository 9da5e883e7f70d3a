import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

@Suite struct StoreTransactionTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    static func begin(_ chargerId: String = "garage", connector: Int = 1, meterStart: Int = 1200) -> TransactionStart {
        TransactionStart(
            chargerId: chargerId, connectorId: connector, idTag: "04A2B3C4", meterStart: meterStart, startedAt: start,
            reservationId: nil, receivedAt: start.addingTimeInterval(0.25))
    }

    @Test func idsStartAtOneAndGrowAcrossCloseAndReopen() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("ids.sqlite")
        var store = try Store(path: path)
        #expect(try await store.startTransaction(Self.begin()) == 1)
        #expect(try await store.startTransaction(Self.begin()) == 2)
        await store.close()
        store = try Store(path: path)
        #expect(try await store.startTransaction(Self.begin()) == 3)
        await store.close()
    }

    @Test func idsAreNeverReusedAfterRowsAreDeleted() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("deleted.sqlite")
        var store = try Store(path: path)
        for _ in 1...5 { _ = try await store.startTransaction(Self.begin()) }
        await store.close()
        do {
            let connection = try SQLiteConnection(path: path)
            try connection.run("DELETE FROM chargers")  // cascades to transactions
            #expect(try connection.scalar("SELECT count(*) FROM transactions") == .integer(0))
        }
        store = try Store(path: path)
        #expect(try await store.startTransaction(Self.begin()) == 6)
        await store.close()
    }

    @Test func startIsCommittedBeforeItReturns() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("durable.sqlite")
        let store = try Store(path: path)
        let id = try await store.startTransaction(Self.begin())
        // A second connection (as after a SIGKILL and restart) sees the row while the store is
        // still open and has flushed nothing else.
        let reader = try SQLiteConnection(path: path)
        let row = try reader.queryFirst(
            "SELECT id, charger_id, connector_id, id_tag, meter_start, started_at, stopped_at FROM transactions"
        ) { row in
            [row.value(0), row.value(1), row.value(2), row.value(3), row.value(4), row.value(5), row.value(6)]
        }
        #expect(
            row == [
                .integer(Int64(id)), .text("garage"), .integer(1), .text("04A2B3C4"), .integer(1200),
                .text("2026-11-25T08:00:00.000Z"), .null,
            ])
        try await store.stopTransaction(
            TransactionStop(
                chargerId: "garage", transactionId: id, meterStop: 6600, stoppedAt: Self.start.addingTimeInterval(3600),
                reason: "EVDisconnected"))
        let stopped = try reader.queryFirst("SELECT stopped_at, energy_wh, stop_reason FROM transactions") { row in
            [row.value(0), row.value(1), row.value(2)]
        }
        #expect(stopped == [.text("2026-11-25T09:00:00.000Z"), .real(5400), .text("EVDisconnected")])
        await store.close()
    }

    @Test func openTransactionsAreKnownAgainAfterReopenAndStopWithTheRightEnergy() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("recover.sqlite")
        var store = try Store(path: path)
        let first = try await store.startTransaction(Self.begin("garage", connector: 1, meterStart: 1000))
        let second = try await store.startTransaction(Self.begin("carport", connector: 2, meterStart: 50))
        try await store.stopTransaction(
            TransactionStop(chargerId: "carport", transactionId: second, meterStop: 80, stoppedAt: Self.start))
        await store.close()

        store = try Store(path: path)
        let open = try await store.openTransactions()
        #expect(open.map(\.id) == [first])
        #expect(
            open.first
                == TransactionRecord(
                    id: first, chargerId: "garage", connectorId: 1, idTag: "04A2B3C4", meterStart: 1000,
                    startedAt: Self.start, recordedAt: Self.start.addingTimeInterval(0.25)))
        #expect(try await store.openTransactions(chargerId: "carport").isEmpty)
        let result = try await store.stopTransaction(
            TransactionStop(
                chargerId: "garage", transactionId: first, meterStop: 8200,
                stoppedAt: Self.start.addingTimeInterval(5400), reason: "Local", idTag: "04A2B3C4"))
        #expect(result.wasKnown && result.wasOpen)
        #expect(result.transaction.energyWh == 7200)
        #expect(result.transaction.durationSeconds == 5400)
        #expect(result.transaction.stopReason == "Local")
        #expect(try await store.openTransactions().isEmpty)
        #expect(try await store.startTransaction(Self.begin()) == 3)
        await store.close()
    }

    @Test func unknownStopIsRecordedAndItsIdIsNeverHandedOut() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("unknown.sqlite"))
        let result = try await store.stopTransaction(
            TransactionStop(chargerId: "garage", transactionId: 500, meterStop: 900, stoppedAt: Self.start))
        #expect(result.wasKnown == false)
        #expect(result.transaction.wasUnknownAtStop)
        #expect(result.transaction.meterStop == 900)
        #expect(result.transaction.energyWh == nil)
        #expect(try await store.startTransaction(Self.begin()) == 501)
        await store.close()
    }

    @Test func repeatedStopLeavesTheTransactionAsItWas() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("repeat.sqlite"))
        let id = try await store.startTransaction(Self.begin(meterStart: 100))
        let stop = TransactionStop(chargerId: "garage", transactionId: id, meterStop: 300, stoppedAt: Self.start)
        let first = try await store.stopTransaction(stop)
        var again = stop
        again.meterStop = 999
        let second = try await store.stopTransaction(again)
        #expect(second.wasKnown && !second.wasOpen)
        #expect(second.transaction == first.transaction)
        #expect(second.transaction.energyWh == 200)
        await store.close()
    }

    @Test func energyFromTheCallerWinsAndABackwardsMeterGivesNone() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("energy.sqlite"))
        let reported = try await store.startTransaction(Self.begin(meterStart: 5000))
        let backwards = try await store.startTransaction(Self.begin(meterStart: 5000))
        let one = try await store.stopTransaction(
            TransactionStop(
                chargerId: "garage", transactionId: reported, meterStop: 700, stoppedAt: Self.start, energyWh: 700))
        let two = try await store.stopTransaction(
            TransactionStop(chargerId: "garage", transactionId: backwards, meterStop: 10, stoppedAt: Self.start))
        #expect(one.transaction.energyWh == 700)
        #expect(two.transaction.energyWh == nil)
        await store.close()
    }

    @Test func transactionsAreListedNewestFirstAndFilteredBySince() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("list.sqlite"))
        var early = Self.begin()
        early.startedAt = Self.start.addingTimeInterval(-86_400)
        let old = try await store.startTransaction(early)
        try await store.stopTransaction(
            TransactionStop(
                chargerId: "garage", transactionId: old, meterStop: 1300,
                stoppedAt: Self.start.addingTimeInterval(-80_000)))
        let recent = try await store.startTransaction(Self.begin())
        let other = try await store.startTransaction(Self.begin("carport"))
        #expect(try await store.transactions().map(\.id) == [other, recent, old])
        #expect(try await store.transactions(chargerId: "garage").map(\.id) == [recent, old])
        #expect(try await store.transactions(since: Self.start.addingTimeInterval(-3600)).map(\.id) == [other, recent])
        #expect(try await store.transactions(limit: 1).map(\.id) == [other])
        #expect(try await store.transactions(chargerId: "garage", connectorId: 2).isEmpty)
        #expect(try await store.transactions(chargerId: "garage", connectorId: 1).map(\.id) == [recent, old])
        #expect(try await store.transaction(id: old)?.meterStop == 1300)
        #expect(try await store.transaction(id: 77) == nil)
        await store.close()
    }

    @Test func concurrentStartsGetDistinctConsecutiveIds() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("concurrent.sqlite"))
        let ids = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<50 {
                group.addTask {
                    store.recordMeterValues([
                        MeterValueRecord(
                            chargerId: "c\(task)", connectorId: 1, at: Self.start, measurand: "Voltage", value: 230,
                            unit: "V")
                    ])
                    return try await store.startTransaction(Self.begin("c\(task)"))
                }
            }
            var ids: [Int] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(ids.sorted() == Array(1...50))
        #expect(try await store.meterValueCount() == 50)
        #expect(try await store.openTransactions().count == 50)
        await store.close()
    }

    @Test func closedStoreThrowsClosed() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("closed.sqlite"))
        await store.close()
        await #expect(throws: StoreError.closed) { try await store.startTransaction(Self.begin()) }
    }
}

extension StoreTransactionTests {
    @Test func inMemoryStoreWorksForOtherModulesTests() async throws {
        let store = try Store(path: ":memory:")
        #expect(try await store.startTransaction(Self.begin()) == 1)
        #expect(try await store.openTransactions().map(\.id) == [1])
        await store.close()
    }
}
