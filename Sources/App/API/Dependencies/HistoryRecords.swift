import Foundation
import Store

/// The part of the store the dashboard's history, sessions export and costs read
/// (`GET /api/history`, `GET /api/transactions.csv`). `Store` conforms.
public protocol HistoryRecords: Sendable {
    func meterHistory(
        chargerId: String, connectorId: Int, since: Date, until: Date, step: Int
    ) async throws -> [MeterHistoryBucket]
    func decisionLimits(chargerId: String, connectorId: Int, since: Date, until: Date) async throws -> [DecisionLimit]
    func inputHistory(since: Date, until: Date, step: Int) async throws -> [InputHistoryBucket]
    func energyReadings(transactionIds: [Int]) async throws -> [Int: [(at: Date, energyWh: Double)]]
    /// The pushed prices kept in the store (the engine keeps only the last day's in memory).
    func tariffPrices(from: Date, to: Date) async throws -> [TariffPriceRecord]
}

extension Store: HistoryRecords {}
