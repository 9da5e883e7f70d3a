import Foundation
import TestSupport
import Testing

@testable import Store

/// OCPP 2.0.1 RequestStartTransactions waiting for their transaction, kept across restarts
/// (`remote_starts`, docs/database.md).
@Suite struct StoreRemoteStartTests {
    static let now = Date(timeIntervalSince1970: 1_795_593_600)

    @Test func aPendingRequestIsKeptAcrossAReopenAndOlderOnesAreForgotten() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pending.sqlite")
        var store = try Store(path: path)
        let old = try await store.nextRemoteStartId(
            chargerId: "CS1", evseId: 1, idTag: "old", at: Self.now.addingTimeInterval(-7200))
        let recent = try await store.nextRemoteStartId(chargerId: "CS1", evseId: 2, idTag: "car", at: Self.now)
        #expect((old, recent) == (1, 2))
        await store.close()
        store = try Store(path: path)
        let pending = try await store.pendingRemoteStarts(requestedSince: Self.now.addingTimeInterval(-3600))
        #expect(
            pending == [
                PendingRemoteStart(remoteStartId: 2, chargerId: "CS1", evseId: 2, idTag: "car", requestedAt: Self.now)
            ])
        // Forgotten for good, even when asked again with a longer window.
        #expect(try await store.pendingRemoteStarts(requestedSince: .distantPast).map(\.remoteStartId) == [2])
        #expect(try await store.nextRemoteStartId(chargerId: "CS1", evseId: 1, idTag: "car", at: Self.now) == 3)
        await store.close()
    }

    @Test func aTransactionStartedByARequestKeepsItsIdAndTheRequestIsNoLongerPending() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("started.sqlite"))
        let remoteStartId = try await store.nextRemoteStartId(chargerId: "CS1", evseId: 1, idTag: "car", at: Self.now)
        let other = try await store.nextRemoteStartId(chargerId: "CS2", evseId: 1, idTag: "car", at: Self.now)
        let id = try await store.startTransaction(
            TransactionStart(
                chargerId: "CS1", connectorId: 1, idTag: "car", meterStart: nil, startedAt: Self.now,
                ocppTransactionId: "T-1", remoteStartId: remoteStartId))
        #expect(try await store.transaction(id: id)?.remoteStartId == remoteStartId)
        // A station naming another station's request takes nothing from it.
        _ = try await store.startTransaction(
            TransactionStart(
                chargerId: "CS1", connectorId: 2, idTag: "", meterStart: nil, startedAt: Self.now,
                ocppTransactionId: "T-2", remoteStartId: other))
        #expect(try await store.pendingRemoteStarts(requestedSince: .distantPast).map(\.remoteStartId) == [other])
        await store.close()
    }

    @Test func aTransactionTheStationOpenedAtPlugInTakesTheRequestsIdAndIdTag() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.file("plug-in.sqlite"))
        let id = try await store.startTransaction(
            TransactionStart(
                chargerId: "CS1", connectorId: 1, idTag: "", meterStart: nil, startedAt: Self.now,
                ocppTransactionId: "T-1"))
        let remoteStartId = try await store.nextRemoteStartId(chargerId: "CS1", evseId: 1, idTag: "car", at: Self.now)
        try await store.recordRemoteStart(transactionId: id, remoteStartId: remoteStartId, idTag: "car")
        let stored = try #require(try await store.transaction(id: id))
        #expect((stored.remoteStartId, stored.idTag) == (remoteStartId, "car"))
        #expect(try await store.pendingRemoteStarts(requestedSince: .distantPast).isEmpty)
        await store.close()
    }
}
