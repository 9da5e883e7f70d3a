import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

@Suite struct StoreMeterValueTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    static func value(_ index: Int, charger: String = "garage", transaction: Int? = 7) -> MeterValueRecord {
        MeterValueRecord(
            chargerId: charger, connectorId: 1, transactionId: transaction, at: start.addingTimeInterval(Double(index)),
            measurand: "Energy.Active.Import.Register", phase: nil, location: "Outlet", context: "Sample.Periodic",
            value: Double(index), unit: "Wh")
    }

    @Test func everyBatchedValueIsStored() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(
            path: directory.file("batches.sqlite"),
            options: StoreOptions(batchMaxRows: 100, batchMaxDelayMilliseconds: 50))
        for message in 0..<1250 {
            store.recordMeterValues((0..<4).map { Self.value(message * 4 + $0) })
        }
        await store.flush()
        #expect(try await store.meterValueCount() == 5000)
        #expect(try await store.meterValueCount(chargerId: "garage") == 5000)
        #expect(try await store.meterValueCount(chargerId: "carport") == 0)
        await store.close()
    }

    @Test func queuedValuesAreCommittedByTheTimerWithoutAFlush() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("timer.sqlite")
        let (commits, continuation) = AsyncStream<Int>.makeStream()
        var options = StoreOptions(batchMaxRows: 1000, batchMaxDelayMilliseconds: 1)
        options.onBatchCommit = { rows in continuation.yield(rows) }
        let store = try Store(path: path, options: options)
        store.recordMeterValues([Self.value(1), Self.value(2)])
        // No store call that would flush: only the batch timer can commit these rows.
        var iterator = commits.makeAsyncIterator()
        #expect(await iterator.next() == 2)
        let reader = try SQLiteConnection(path: path)
        #expect(try reader.scalar("SELECT count(*) FROM meter_values") == .integer(2))
        await store.close()
    }

    @Test func aFullBatchIsCommittedAtOnce() async throws {
        let directory = try TemporaryDirectory()
        let (commits, continuation) = AsyncStream<Int>.makeStream()
        var options = StoreOptions(batchMaxRows: 8, batchMaxDelayMilliseconds: 60_000)
        options.onBatchCommit = { rows in continuation.yield(rows) }
        let store = try Store(path: directory.file("full.sqlite"), options: options)
        store.recordMeterValues((0..<4).map { Self.value($0) })
        store.recordMeterValues((4..<8).map { Self.value($0) })
        var iterator = commits.makeAsyncIterator()
        #expect(await iterator.next() == 8)
        await store.close()
    }

    @Test func valuesReadBackExactlyNewestFirst() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("read.sqlite"))
        let phase = MeterValueRecord(
            chargerId: "garage", connectorId: 2, transactionId: nil, at: Self.start.addingTimeInterval(0.5),
            measurand: "Current.Import", phase: "L2", location: nil, context: nil, value: 15.75, unit: "A")
        store.recordMeterValues([Self.value(0), Self.value(1, transaction: 8), phase])
        #expect(try await store.meterValues() == [Self.value(1, transaction: 8), phase, Self.value(0)])
        #expect(try await store.meterValues(transactionId: 7) == [Self.value(0)])
        #expect(try await store.meterValues(connectorId: 2) == [phase])
        #expect(
            try await store.meterValues(since: Self.start.addingTimeInterval(0.5), limit: 1) == [
                Self.value(1, transaction: 8)
            ])
        await store.close()
    }

    @Test func valuesQueuedBeforeCloseAreKept() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("close.sqlite")
        var store = try Store(
            path: path, options: StoreOptions(batchMaxRows: 10_000, batchMaxDelayMilliseconds: 60_000))
        store.recordMeterValues((0..<10).map { Self.value($0) })
        await store.close()
        store = try Store(path: path)
        #expect(try await store.meterValueCount() == 10)
        await store.close()
    }

    @Test func valuesOfADeletedChargerRecreateItsRow() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("deleted.sqlite")
        let store = try Store(path: path)
        store.recordMeterValues([Self.value(0)])
        await store.flush()
        let other = try SQLiteConnection(path: path)
        try other.run("DELETE FROM chargers WHERE id = 'garage'")
        store.recordMeterValues([Self.value(1)])
        #expect(try await store.meterValueCount() == 1)
        #expect(try await store.failedWriteCount() == 0)
        await store.close()
    }
}
