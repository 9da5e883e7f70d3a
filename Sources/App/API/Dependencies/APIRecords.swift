import Foundation
import Store

/// The part of the store the API reads and writes: the audit trail and the transactions.
/// `Store` conforms; tests substitute an in-memory fake.
public protocol APIRecords: CommandRecording {
    /// Commands newest first.
    func commands(chargerId: String?, decisionId: Int?, since: Date?, limit: Int) async throws -> [CommandRecord]
    /// Decisions newest first.
    func decisions(chargerId: String?, connectorId: Int?, since: Date?, limit: Int) async throws -> [DecisionRecord]
    /// Charger events of `kind` (an OCPP action such as SecurityEventNotification), newest first.
    func events(chargerId: String?, kind: String?, since: Date?, limit: Int) async throws -> [ChargerEventRecord]
    /// Transactions newest first; with `since`, those that overlap `since...now`.
    func transactions(
        chargerId: String?, connectorId: Int?, since: Date?, limit: Int
    ) async throws -> [TransactionRecord]
}
