import Foundation
import JSON
import TestSupport
import Testing

@testable import Store

/// Queued writes reach the store's queue in batches: one block per batch, not one per write
/// (each block woke the store's thread from the writer's, often an event loop).
@Suite struct StoreWriteBatchingTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    static func disconnection(_ index: Int) -> ChargerEventRecord {
        ChargerEventRecord(
            chargerId: "cp\(index % 100)", kind: "Disconnected", payload: .object(JSONObject()),
            at: start.addingTimeInterval(Double(index)))
    }

    @Test func tenThousandDisconnectionsAreHandedToTheStoresQueueInBatchesAndAllStored() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("batches.sqlite"))
        let count = 10_000
        for index in 0..<count { store.recordEvent(Self.disconnection(index)) }
        await store.flush()
        let deliveries = try await store.perform { $0.queuedWriteDeliveries }
        // A full batch (500 rows) is handed over at once; the rest waits for a block that takes it.
        #expect(deliveries <= count / StoreOptions().batchMaxRows + 2)
        #expect(try await store.events(kind: "Disconnected", limit: 2 * count).count == count)
        await store.close()
    }

    @Test func aReadSeesTheWritesQueuedBeforeItWithoutWaitingForTheBatchDelay() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(
            path: directory.file("order.sqlite"), options: StoreOptions(batchMaxDelayMilliseconds: 60_000))
        for index in 0..<3 { store.recordEvent(Self.disconnection(index)) }
        #expect(try await store.events(chargerId: "cp1").map(\.at) == [Self.start.addingTimeInterval(1)])
        await store.close()
    }
}
