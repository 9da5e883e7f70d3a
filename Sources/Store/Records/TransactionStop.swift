import Foundation

/// What a StopTransaction.req reports, for `Store.stopTransaction`.
public struct TransactionStop: Sendable, Equatable {
    public var chargerId: String
    public var transactionId: Int
    /// Wh, as the charger reported it.
    public var meterStop: Int
    /// The charger's `timestamp`.
    public var stoppedAt: Date
    public var reason: String?
    public var idTag: String?
    /// The session energy in Wh when the caller knows better than `meterStop - meterStart`
    /// (a charger that reports its session energy from 0). `nil`: computed by the store.
    public var energyWh: Double?
    /// When the central system received the message.
    public var receivedAt: Date

    public init(
        chargerId: String, transactionId: Int, meterStop: Int, stoppedAt: Date, reason: String? = nil,
        idTag: String? = nil, energyWh: Double? = nil, receivedAt: Date = Date()
    ) {
        self.chargerId = chargerId
        self.transactionId = transactionId
        self.meterStop = meterStop
        self.stoppedAt = stoppedAt
        self.reason = reason
        self.idTag = idTag
        self.energyWh = energyWh
        self.receivedAt = receivedAt
    }

    /// Ampwise's own close (superseded, or closed by hand), not the charger's StopTransaction.
    public var isEstimate: Bool { reason.map(TransactionRecord.estimatedStopReasons.contains) ?? false }
}
