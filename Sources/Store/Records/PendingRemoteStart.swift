import Foundation

/// An OCPP 2.0.1 RequestStartTransaction whose TransactionEvent has not come yet: a row of
/// `remote_starts`, so that the event that carries its `remoteStartId` is tied to the request
/// also after a restart (docs/ocpp201.md, "Transactions").
public struct PendingRemoteStart: Sendable, Equatable {
    /// The request's `remoteStartId`: unique for the database's lifetime (`Store.nextRemoteStartId`).
    public var remoteStartId: Int
    public var chargerId: String
    public var evseId: Int
    /// The id token Ampwise sent: a session the station starts without one of its own takes it.
    public var idTag: String
    public var requestedAt: Date

    public init(remoteStartId: Int, chargerId: String, evseId: Int, idTag: String, requestedAt: Date) {
        self.remoteStartId = remoteStartId
        self.chargerId = chargerId
        self.evseId = evseId
        self.idTag = idTag
        self.requestedAt = requestedAt
    }
}
