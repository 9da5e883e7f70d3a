import Foundation

extension Store {
    /// A new OCPP 2.0.1 `remoteStartId` for a RequestStartTransaction, committed before it is
    /// handed out: unique for the database's lifetime, so also across restarts, and the
    /// TransactionEvent that carries it names the one request that caused it (docs/ocpp201.md).
    public func nextRemoteStartId() async throws -> Int {
        try await perform(flushingQueue: false) { database in try database.nextRemoteStartId() }
    }
}
