import Foundation
import Store

/// The part of the store the dashboard's history, sessions export and costs read
/// (`GET /api/history`, `GET /api/transactions.csv`). `Store` conforms.
public protocol HistoryRecords: Sendable {
    /// A connector's meter, decisions, the inputs and the stored prices of a span, read together.
    func connectorHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) async throws -> ConnectorHistory
    func energyReadings(transactionIds: [Int]) async throws -> [Int: [(at: Date, energyWh: Double)]]
    /// The pushed prices kept in the store (the engine keeps only the last day's in memory).
    func tariffPrices(from: Date, to: Date) async throws -> [TariffPriceRecord]
}

extension Store: HistoryRecords {}
