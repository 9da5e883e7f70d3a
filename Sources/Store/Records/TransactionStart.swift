import Foundation

/// What a StartTransaction.req reports, for `Store.startTransaction`.
public struct TransactionStart: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    public var idTag: String
    /// Wh, as the charger reported it; `nil` when it reported none (an OCPP 2.0.1 Started event
    /// without an energy register: the session counts from its first reading).
    public var meterStart: Int?
    /// The charger's `timestamp`.
    public var startedAt: Date
    public var reservationId: Int?
    /// When the central system received the message.
    public var receivedAt: Date
    /// An OCPP 2.0.1 station's own id of the transaction.
    public var ocppTransactionId: String?
    /// The `remoteStartId` of the RequestStartTransaction the station names in its Started event
    /// (OCPP 2.0.1); the request is then no longer pending.
    public var remoteStartId: Int?

    public init(
        chargerId: String, connectorId: Int, idTag: String, meterStart: Int?, startedAt: Date,
        reservationId: Int? = nil, receivedAt: Date = Date(), ocppTransactionId: String? = nil,
        remoteStartId: Int? = nil
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.idTag = idTag
        self.meterStart = meterStart
        self.startedAt = startedAt
        self.reservationId = reservationId
        self.receivedAt = receivedAt
        self.ocppTransactionId = ocppTransactionId
        self.remoteStartId = remoteStartId
    }
}
