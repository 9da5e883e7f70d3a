import Foundation

/// A StatusNotification: a row of `status_history`, and the latest one per connector.
public struct StatusRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int
    public var chargerId: String
    /// 0 is the charger as a whole.
    public var connectorId: Int
    public var status: String
    public var errorCode: String
    public var info: String?
    public var vendorId: String?
    public var vendorErrorCode: String?
    /// The charger's own `timestamp`, when it sent one.
    public var chargerTimestamp: Date?
    public var receivedAt: Date

    public init(
        id: Int = 0, chargerId: String, connectorId: Int, status: String, errorCode: String = "NoError",
        info: String? = nil, vendorId: String? = nil, vendorErrorCode: String? = nil, chargerTimestamp: Date? = nil,
        receivedAt: Date = Date()
    ) {
        self.id = id
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.status = status
        self.errorCode = errorCode
        self.info = info
        self.vendorId = vendorId
        self.vendorErrorCode = vendorErrorCode
        self.chargerTimestamp = chargerTimestamp
        self.receivedAt = receivedAt
    }
}
