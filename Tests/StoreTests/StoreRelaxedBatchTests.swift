import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

/// Input values (what sources read every second; nobody waits for them) wait the relaxed batch
/// delay, so that a site's sources cost one commit a second, not ten; any other write brings
/// their commit to the usual batch delay (docs/database.md, `input_history`).
@Suite struct StoreRelaxedBatchTests {
    static let start = StoreWriteBatchingTests.start

    static func event(_ index: Int) -> ChargerEventRecord { StoreWriteBatchingTests.disconnection(index) }

    @Test func inputsScheduleTheRelaxedDeliveryAndOtherWritesTheBatchOne() {
        let inbox = StoreWriteInbox(batchMaxRows: 500)
        let inputs = PendingWrite.inputs(["grid.power": 1200], at: Self.start)
        #expect(inbox.append(inputs) == .after(.relaxed))
        #expect(inbox.append(inputs) == .none)
        // An event may not wait a second: it gets the batch delay, and takes the inputs with it.
        #expect(inbox.append(.event(Self.event(0))) == .after(.batch))
        #expect(inbox.append(.event(Self.event(1))) == .none)
        #expect(inbox.take().count == 4)
        // The batch delivery still pending serves inputs too (it comes sooner).
        #expect(inbox.append(inputs) == .none)
        inbox.delayedDeliveryStarts(.batch)
        // The relaxed delivery is still pending: the next inputs wait for it.
        #expect(inbox.append(inputs) == .none)
        inbox.delayedDeliveryStarts(.relaxed)
        #expect(inbox.append(inputs) == .after(.relaxed))
    }

    // Inputs left to the batch timer would wait ten minutes: the time limit ends the wait, and
    // the test fails.
    @Test(.timeLimit(.minutes(1))) func inputsAloneAreCommittedByTheRelaxedTimer() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("relaxed.sqlite")
        let (commits, continuation) = AsyncStream<Int>.makeStream()
        var options = StoreOptions(batchMaxDelayMilliseconds: 600_000, relaxedBatchMaxDelayMilliseconds: 1)
        options.onBatchCommit = { rows in continuation.yield(rows) }
        let store = try Store(path: path, options: options)
        store.recordInputs(["grid.power": 1200, "solar.power": 3100], at: Self.start)
        var iterator = commits.makeAsyncIterator()
        #expect(await iterator.next() == 2)
        await store.close()
    }

    @Test func anEventQueuedAfterInputsBringsTheirCommitToTheBatchDelay() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("prompt.sqlite")
        let (commits, continuation) = AsyncStream<Int>.makeStream()
        var options = StoreOptions(batchMaxDelayMilliseconds: 1, relaxedBatchMaxDelayMilliseconds: 60_000)
        options.onBatchCommit = { rows in continuation.yield(rows) }
        let store = try Store(path: path, options: options)
        store.recordInputs(["grid.power": 1200], at: Self.start)
        store.recordEvent(Self.event(0))
        var iterator = commits.makeAsyncIterator()
        #expect(await iterator.next() == 2)
        let reader = try SQLiteConnection(path: path)
        #expect(try reader.scalar("SELECT count(*) FROM input_history") == .integer(1))
        await store.close()
    }
}
