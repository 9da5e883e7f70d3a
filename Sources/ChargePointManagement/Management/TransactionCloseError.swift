import Store

/// Why `ChargerFleet.closeTransaction(id:)` closed nothing.
public enum TransactionCloseError: Error, Sendable, Equatable {
    /// No transaction has this id.
    case unknown(id: Int)
    /// It was stopped already (by its charger, or closed before).
    case alreadyStopped(TransactionRecord)
    /// The store could not be read or written.
    case storeFailed(String)
}
