import Store

/// Closes a transaction that its charger forgot, by hand (`POST /api/transactions/{id}/close`).
/// `ChargerFleet` conforms; the API's tests substitute a fake.
public protocol TransactionClosing: Sendable {
    /// Closes the open transaction `id` with stop reason `ClosedByHand`, its energy from its last
    /// meter value, and answers it as stored.
    func closeTransaction(id: Int) async throws(TransactionCloseError) -> TransactionRecord
}
