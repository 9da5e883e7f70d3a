import Foundation

/// What a StartTransaction.req reports, for `Store.startTransaction`.
public struct TransactionStart: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    public var idTag: String
    /// Wh, as the charger reported it.
    public var meterStart: Int
    /// The charger's `timestamp`.
    public var startedAt: Date
    public var reservationId: Int?
    /// When the central system received the message.
    public var receivedAt: Date

    public init(
        chargerId: String, connectorId: Int, idTag: String, meterStart: Int, startedAt: Date,
        reservationId: Int? = nil, receivedAt: Date = Date()
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.idTag = idTag
        self.meterStart = meterStart
        self.startedAt = startedAt
        self.reservationId = reservationId
        self.receivedAt = receivedAt
    }
}
