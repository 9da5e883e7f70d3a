import Foundation

extension Store {
    /// Queues sampled values (one MeterValues or StopTransaction message's worth, or more);
    /// they are committed with the next batch.
    public func recordMeterValues(_ values: [MeterValueRecord]) {
        guard !values.isEmpty else { return }
        enqueue(.meterValues(values))
    }

    /// Meter values newest first, filtered by charger, connector, transaction and time.
    public func meterValues(
        chargerId: String? = nil, connectorId: Int? = nil, transactionId: Int? = nil, since: Date? = nil,
        limit: Int = 1000
    ) async throws -> [MeterValueRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let connectorId { filter.add("connector_id = ?", connectorId) }
            if let transactionId { filter.add("transaction_id = ?", transactionId) }
            if let since { filter.add("at >= ?", StoreTimestamp.text(since)) }
            return try database.connection.query(
                """
                SELECT \(StoreDatabase.meterValueColumns) FROM meter_values \(filter.clause)
                ORDER BY at DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.meterValueRecord)
        }
    }

    /// The number of stored meter values (all, or one charger's).
    public func meterValueCount(chargerId: String? = nil) async throws -> Int {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            return try database.connection.queryFirst(
                "SELECT count(*) FROM meter_values \(filter.clause)", filter.arguments
            ) { row in row.int(0) } ?? 0
        }
    }
}
