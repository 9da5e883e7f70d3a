import ChargingModel
import Foundation
import JSON
import SQLite
import TestSupport
import Testing

@testable import Store

/// No block on the store's queue grows with a car park's size: the commits that chargers' answers
/// wait for run between bounded pieces of work (BENCHMARKS.md, "Soak": a 2,000-decision transaction
/// and a checkpoint that copied every page written meanwhile held the queue for 100-400 ms on a
/// grown database).
@Suite struct StoreQueueHoldingTests {
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    @Test func twoThousandDecisionsAreRecordedInBoundedTransactionsWithTheirIdsInOrder() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("decisions.sqlite"))
        let decisions = (0..<2_000).map { index in
            DecisionRecord(
                at: Self.start, chargerId: "LG-\(index)", connectorId: 1, charging: true, limitAmps: 10,
                rules: ["share": ["site fuse"]], explanation: "limit 10.0 A (share: site fuse)")
        }
        let ids = try await store.recordDecisions(decisions)
        #expect(ids.count == 2_000)
        #expect(ids == ids.sorted() && Set(ids).count == 2_000)
        #expect(try await store.perform { $0.largestDecisionTransaction } <= StoreDatabase.decisionsPerTransaction)
        #expect(StoreDatabase.decisionsPerTransaction < 2_000)
        let stored = try await store.decisions(chargerId: "LG-1234")
        #expect(stored.map(\.id) == [ids[1234]])
        await store.close()
    }

    @Test func theCheckpointFinishIsSkippedWhenManyRowsWereWrittenSinceTheCopyEnded() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("finish.sqlite"))
        let before = try await store.perform { $0.rowsWritten.load(ordering: .relaxed) }
        store.recordMeterValues(
            (0..<(StoreDatabase.checkpointFinishMaxRows + 1)).map {
                StoreMeterValueTests.value($0, charger: "LG-\($0)")
            })
        await store.flush()
        #expect(try await store.perform { $0.finishCheckpoint(rowsWrittenBefore: before) } == false)
        // A WAL past the forced size is finished anyway: it must not grow without bound.
        #expect(
            try await store.perform {
                $0.finishCheckpoint(
                    rowsWrittenBefore: before, walFrames: StoreDatabase.checkpointFinishForcedAtFrames)
            } == true)
        let now = try await store.perform { $0.rowsWritten.load(ordering: .relaxed) }
        #expect(now - before == StoreDatabase.checkpointFinishMaxRows + 1)
        #expect(try await store.perform { $0.finishCheckpoint(rowsWrittenBefore: now) } == true)
        await store.close()
    }

    @Test func anAnswersCommitDoesNotWaitForTheCommandRecordsQueuedBeforeIt() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("lanes.sqlite")
        // No batch is full or due before the answer waits: the queue's order is the test's.
        let store = try Store(
            path: path, options: StoreOptions(batchMaxRows: 100_000, batchMaxDelayMilliseconds: 60_000))
        let count = 2_000
        for index in 0..<count {
            store.recordCommand(
                CommandRecord(
                    chargerId: "LG-\(index)", connectorId: 1, action: "SetChargingProfile",
                    payload: .object(JSONObject()), source: .scheduler, sentAt: Self.start,
                    outcome: .status("Accepted")))
        }
        // A MeterValues answer waits for its rows; the command records committed by then are
        // counted from a second connection.
        let committedCommands = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            store.recordMeterValues([StoreMeterValueTests.value(0, charger: "LG-0")])
            store.whenQueuedWritesCommitted { _ in
                let reader = try? SQLiteConnection(path: path, flags: [.readOnly])
                let value = try? reader?.scalar("SELECT count(*) FROM commands")
                reader?.close()
                if case .integer(let counted) = value {
                    continuation.resume(returning: Int(counted))
                } else {
                    continuation.resume(returning: -1)
                }
            }
        }
        #expect(committedCommands >= 0)
        #expect(committedCommands <= StoreDatabase.commandsPerTransaction)
        #expect(try await store.meterValueCount() == 1)
        #expect(try await store.commands(limit: 2 * count).count == count)
        await store.close()
    }

    @Test func onlyAWalLeftBehindAtSixteenMegabytesIsFinishedOnTheStoresQueue() {
        let limit = StoreCheckpointer.finishAtFrames
        // Well below journal_size_limit (64 MiB): a WAL past it is truncated when it starts over.
        #expect(limit * 4096 == 16 << 20)
        #expect(!StoreCheckpointer.needsFinish(log: limit + 10, copied: limit + 10))
        #expect(!StoreCheckpointer.needsFinish(log: limit - 1, copied: 0))
        #expect(StoreCheckpointer.needsFinish(log: limit, copied: limit - 1))
    }
}
