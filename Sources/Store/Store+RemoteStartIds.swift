import Foundation

extension Store {
    /// A new OCPP 2.0.1 `remoteStartId` for a RequestStartTransaction to `chargerId`, committed
    /// with the pending request (`remote_starts`) before it is handed out: unique for the
    /// database's lifetime, so also across restarts, and the TransactionEvent that carries it names
    /// the one request that caused it, also after a restart (docs/ocpp201.md).
    public func nextRemoteStartId(chargerId: String, evseId: Int, idTag: String, at now: Date) async throws -> Int {
        try await perform(flushingQueue: false) { database in
            try database.nextRemoteStartId(chargerId: chargerId, evseId: evseId, idTag: idTag, at: now)
        }
    }

    /// The RequestStartTransactions still waiting for their transaction that were sent at or after
    /// `since`, oldest first; older ones are forgotten (deleted).
    public func pendingRemoteStarts(requestedSince since: Date) async throws -> [PendingRemoteStart] {
        try await perform { database in try database.pendingRemoteStarts(requestedSince: since) }
    }

    /// Ties an open transaction the station opened before it was asked (at plug-in) to Ampwise's
    /// RequestStartTransaction that a later TransactionEvent names: keeps its `remoteStartId`, gives
    /// it the request's id tag when it has none, and the request is no longer pending.
    public func recordRemoteStart(transactionId: Int, remoteStartId: Int, idTag: String?) async throws {
        try await perform(flushingQueue: false) { database in
            try database.recordRemoteStart(transactionId: transactionId, remoteStartId: remoteStartId, idTag: idTag)
        }
    }
}
