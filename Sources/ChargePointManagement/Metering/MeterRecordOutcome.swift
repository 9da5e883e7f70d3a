/// What a `SessionEnergyTracker` did with a meter value.
enum MeterRecordOutcome: String, Sendable, Hashable {
    /// The session energy was updated.
    case recorded
    /// The meter value had no energy register for the connector; nothing changed.
    case noEnergyRegister
    /// The transaction has ended; a late value never reopens it.
    case ignoredAfterEnd
}
