extension TransactionRecord {
    /// The stop reason of a transaction that a new StartTransaction on its connector closed (a
    /// charger that rebooted forgot it); its energy is estimated from its last meter value.
    public static let supersededReason = "Superseded"
    /// The stop reason of a transaction closed through `POST /api/transactions/{id}/close`.
    public static let closedByHandReason = "ClosedByHand"
    /// Closes Ampwise estimated: a StopTransaction the charger sends for one later replaces the
    /// estimate with its own figures.
    public static let estimatedStopReasons: Set<String> = [supersededReason, closedByHandReason]
}
