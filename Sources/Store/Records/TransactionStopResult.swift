/// What `Store.stopTransaction` did.
public struct TransactionStopResult: Sendable, Equatable {
    /// The transaction as stored after the stop.
    public var transaction: TransactionRecord
    /// `false` when the id was unknown: a row flagged `wasUnknownAtStop` was created for it.
    public var wasKnown: Bool
    /// `false` when the transaction had already been stopped (a charger repeating a
    /// StopTransaction whose answer it missed): the stored row was left as it was. `true` also when
    /// the charger's stop replaced an estimate (`replacedEstimate`).
    public var wasOpen: Bool
    /// The transaction had been closed with an estimate (superseded, or closed by hand) and the
    /// charger's StopTransaction replaced it.
    public var replacedEstimate: Bool

    public init(transaction: TransactionRecord, wasKnown: Bool, wasOpen: Bool, replacedEstimate: Bool = false) {
        self.transaction = transaction
        self.wasKnown = wasKnown
        self.wasOpen = wasOpen
        self.replacedEstimate = replacedEstimate
    }
}
