import Foundation

// Transactions: committed before the caller answers the charger.
extension StoreDatabase {
    static let transactionColumns = """
        id, charger_id, connector_id, id_tag, reservation_id, meter_start, started_at, meter_stop, stopped_at,
        stop_reason, stop_id_tag, energy_wh, unknown_at_stop, recorded_at, ocpp_transaction_id, remote_start_id
        """

    /// Allocates the next id and inserts the transaction, in one transaction.
    ///
    /// The id comes from the `next_transaction_id` counter, which only grows, so ids stay unique
    /// after rows are deleted; `max(id) + 1` guards against a counter edited by hand.
    func startTransaction(_ start: TransactionStart) throws -> Int {
        try connection.transaction { try recordStart(start) }
    }

    /// Closes `superseded` and inserts `start`, in one transaction.
    func startTransaction(_ start: TransactionStart, superseding superseded: TransactionStop) throws -> (
        Int, TransactionStopResult
    ) {
        try connection.transaction {
            let closed = try recordStop(superseded)
            return (try recordStart(start), closed)
        }
    }

    private func recordStart(_ start: TransactionStart) throws -> Int {
        try connection.run(
            "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)",
            [start.chargerId, StoreTimestamp.text(start.receivedAt)])
        let highest = try connection.scalar("SELECT max(id) FROM transactions")
        var id = try counterValue(Self.transactionIdCounter)
        if case .integer(let value) = highest { id = max(id, Int(value) + 1) }
        try connection.run(
            """
            INSERT INTO transactions (id, charger_id, connector_id, id_tag, reservation_id, meter_start,
                started_at, recorded_at, ocpp_transaction_id, remote_start_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                id, start.chargerId, start.connectorId, start.idTag, start.reservationId, start.meterStart,
                StoreTimestamp.text(start.startedAt), StoreTimestamp.text(start.receivedAt), start.ocppTransactionId,
                start.remoteStartId,
            ])
        if let remoteStartId = start.remoteStartId {
            try connection.run(
                "DELETE FROM remote_starts WHERE id = ? AND charger_id = ?", [remoteStartId, start.chargerId])
        }
        try setNextTransactionId(atLeast: id + 1)
        return id
    }

    func stopTransaction(_ stop: TransactionStop) throws -> TransactionStopResult {
        try connection.transaction { try recordStop(stop) }
    }

    /// A transaction closed with an estimate (`Superseded`, `ClosedByHand`) takes the charger's
    /// own StopTransaction when it comes after all: its figures are better.
    private func recordStop(_ stop: TransactionStop) throws -> TransactionStopResult {
        if let existing = try transaction(id: stop.transactionId) {
            let estimated = existing.stopReason.map(TransactionRecord.estimatedStopReasons.contains) ?? false
            guard existing.isOpen || (estimated && !stop.isEstimate) else {
                return TransactionStopResult(transaction: existing, wasKnown: true, wasOpen: false)
            }
            // A meter that went backwards (replaced, reset) gives no energy rather than a negative one.
            let difference = existing.meterStart.map { stop.meterStop - $0 }
            let energy = stop.energyWh ?? difference.flatMap { $0 >= 0 ? Double($0) : nil }
            try connection.run(
                """
                UPDATE transactions SET meter_stop = ?, stopped_at = ?, stop_reason = ?, stop_id_tag = ?,
                    energy_wh = ?, closed_at = ?
                WHERE id = ?
                """,
                [
                    stop.meterStop, StoreTimestamp.text(stop.stoppedAt), stop.reason, stop.idTag, energy,
                    StoreTimestamp.text(stop.receivedAt), stop.transactionId,
                ])
            let stored = try transaction(id: stop.transactionId) ?? existing
            return TransactionStopResult(
                transaction: stored, wasKnown: true, wasOpen: true, replacedEstimate: !existing.isOpen)
        }
        // Unknown id (a charger that started offline, or a database that was replaced): keep
        // what it reported, and never hand out this id ourselves.
        try connection.run(
            "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)",
            [stop.chargerId, StoreTimestamp.text(stop.receivedAt)])
        let received = StoreTimestamp.text(stop.receivedAt)
        try connection.run(
            """
            INSERT INTO transactions (id, charger_id, meter_stop, stopped_at, stop_reason, stop_id_tag,
                energy_wh, unknown_at_stop, recorded_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """,
            [
                stop.transactionId, stop.chargerId, stop.meterStop, StoreTimestamp.text(stop.stoppedAt),
                stop.reason, stop.idTag, stop.energyWh, received, received,
            ])
        try setNextTransactionId(atLeast: stop.transactionId + 1)
        let recorded = TransactionRecord(
            id: stop.transactionId, chargerId: stop.chargerId, connectorId: nil, idTag: nil, meterStart: nil,
            startedAt: nil, meterStop: stop.meterStop, stoppedAt: stop.stoppedAt, stopReason: stop.reason,
            stopIdTag: stop.idTag, energyWh: stop.energyWh, wasUnknownAtStop: true, recordedAt: stop.receivedAt)
        let stored = try transaction(id: stop.transactionId) ?? recorded
        return TransactionStopResult(transaction: stored, wasKnown: false, wasOpen: false)
    }

    /// The newest transaction a charger gave its own id (an OCPP 2.0.1 station's string id).
    func transaction(chargerId: String, ocppTransactionId: String) throws -> TransactionRecord? {
        try connection.queryFirst(
            """
            SELECT \(Self.transactionColumns) FROM transactions
            WHERE charger_id = ? AND ocpp_transaction_id = ? ORDER BY id DESC LIMIT 1
            """, [chargerId, ocppTransactionId], row: Self.transactionRecord)
    }

    func transaction(id: Int) throws -> TransactionRecord? {
        try connection.queryFirst(
            "SELECT \(Self.transactionColumns) FROM transactions WHERE id = ?", [id], row: Self.transactionRecord)
    }

    private static let transactionIdCounter = "next_transaction_id"

    private func setNextTransactionId(atLeast next: Int) throws {
        try advanceCounter(Self.transactionIdCounter, toAtLeast: next)
    }
}
