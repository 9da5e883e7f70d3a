import Foundation

extension Store {
    /// Records a StartTransaction and returns its new transaction id once it is committed.
    ///
    /// Ids are positive, grow, and are unique for the database's lifetime: they survive
    /// restarts, deleted rows and ids that chargers invented (see `stopTransaction`).
    public func startTransaction(_ start: TransactionStart) async throws -> Int {
        try await perform(flushingQueue: false) { database in try database.startTransaction(start) }
    }

    /// Closes `superseded` (the transaction still open on the connector, stop reason `Superseded`,
    /// its figures as the caller estimated them) and records `start`, in one commit; returns the
    /// new transaction's id and what the close stored.
    public func startTransaction(_ start: TransactionStart, superseding superseded: TransactionStop) async throws
        -> (transactionId: Int, superseded: TransactionStopResult)
    {
        try await perform(flushingQueue: false) { database in
            try database.startTransaction(start, superseding: superseded)
        }
    }

    /// Records a StopTransaction once it is committed. An unknown id is recorded as a row
    /// flagged `wasUnknownAtStop` (never an error); a repeated stop leaves the row as it was, except
    /// that the charger's stop replaces Ampwise's estimate of a superseded or hand-closed one.
    /// The energy is `stop.energyWh`, else `meterStop - meterStart`.
    @discardableResult
    public func stopTransaction(_ stop: TransactionStop) async throws -> TransactionStopResult {
        try await perform(flushingQueue: false) { database in try database.stopTransaction(stop) }
    }

    /// The newest transaction a charger gave this id of its own (an OCPP 2.0.1 station's string id).
    public func transaction(chargerId: String, ocppTransactionId: String) async throws -> TransactionRecord? {
        try await perform { database in
            try database.transaction(chargerId: chargerId, ocppTransactionId: ocppTransactionId)
        }
    }

    /// The transaction with this id, open or not.
    public func transaction(id: Int) async throws -> TransactionRecord? {
        try await perform { database in try database.transaction(id: id) }
    }

    /// Transactions not yet stopped (all chargers, or one), oldest first: after a restart these
    /// are the sessions that carry on.
    public func openTransactions(chargerId: String? = nil) async throws -> [TransactionRecord] {
        try await perform { database in
            var filter = SQLFilter()
            filter.add("stopped_at IS NULL")
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            return try database.connection.query(
                "SELECT \(StoreDatabase.transactionColumns) FROM transactions \(filter.clause) ORDER BY id",
                filter.arguments, row: StoreDatabase.transactionRecord)
        }
    }

    /// Transactions newest first (by start). `since`: those still open or that ended (or
    /// started) at or after it, that is every session that overlaps `since...now`. The first
    /// stopped one of a connector gives its `lastStopReason`.
    public func transactions(
        chargerId: String? = nil, connectorId: Int? = nil, since: Date? = nil, limit: Int = 100
    ) async throws -> [TransactionRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let connectorId { filter.add("connector_id = ?", connectorId) }
            if let since {
                let at = StoreTimestamp.text(since)
                filter.add("(stopped_at IS NULL OR stopped_at >= ? OR started_at >= ?)", at, at)
            }
            return try database.connection.query(
                """
                SELECT \(StoreDatabase.transactionColumns) FROM transactions \(filter.clause)
                ORDER BY coalesce(started_at, stopped_at) DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.transactionRecord)
        }
    }
}
