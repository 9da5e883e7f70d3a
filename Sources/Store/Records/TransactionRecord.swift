import Foundation

/// A row of `transactions`: one charging session.
public struct TransactionRecord: Sendable, Equatable {
    /// Positive and unique for the database's lifetime (see `Store.startTransaction`).
    public var id: Int
    public var chargerId: String
    /// `nil` only for a transaction first heard of in a StopTransaction.
    public var connectorId: Int?
    public var idTag: String?
    public var reservationId: Int?
    /// The meter reading in Wh the charger reported at the start.
    public var meterStart: Int?
    /// The charger's start timestamp.
    public var startedAt: Date?
    public var meterStop: Int?
    /// The charger's stop timestamp; `nil` while the transaction is open.
    public var stoppedAt: Date?
    public var stopReason: String?
    /// The id tag given in StopTransaction, when it differs or is reported.
    public var stopIdTag: String?
    /// The energy charged in Wh, set when the transaction stops.
    public var energyWh: Double?
    /// The charger stopped a transaction id the store did not know (it is kept, with this flag).
    public var wasUnknownAtStop: Bool
    /// When the central system received the StartTransaction (or the unknown StopTransaction).
    public var recordedAt: Date
    /// The charger's own id of the transaction: an OCPP 2.0.1 station's string id; nil for 1.6,
    /// whose chargers use Ampwise's `id` (docs/ocpp201.md).
    public var ocppTransactionId: String?
    /// The `remoteStartId` an OCPP 2.0.1 station gave the transaction: the RequestStartTransaction
    /// of Ampwise's that started (or authorised) it; nil for 1.6 and for sessions started at the station.
    public var remoteStartId: Int?

    public init(
        id: Int, chargerId: String, connectorId: Int?, idTag: String?, reservationId: Int? = nil,
        meterStart: Int?, startedAt: Date?, meterStop: Int? = nil, stoppedAt: Date? = nil,
        stopReason: String? = nil, stopIdTag: String? = nil, energyWh: Double? = nil,
        wasUnknownAtStop: Bool = false, recordedAt: Date, ocppTransactionId: String? = nil,
        remoteStartId: Int? = nil
    ) {
        self.id = id
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.idTag = idTag
        self.reservationId = reservationId
        self.meterStart = meterStart
        self.startedAt = startedAt
        self.meterStop = meterStop
        self.stoppedAt = stoppedAt
        self.stopReason = stopReason
        self.stopIdTag = stopIdTag
        self.energyWh = energyWh
        self.wasUnknownAtStop = wasUnknownAtStop
        self.recordedAt = recordedAt
        self.ocppTransactionId = ocppTransactionId
        self.remoteStartId = remoteStartId
    }

    /// `true` until a StopTransaction closed it.
    public var isOpen: Bool { stoppedAt == nil }

    /// Seconds from start to stop, `nil` while open or when the start is unknown.
    public var durationSeconds: Double? {
        guard let startedAt, let stoppedAt else { return nil }
        return stoppedAt.timeIntervalSince(startedAt)
    }
}
