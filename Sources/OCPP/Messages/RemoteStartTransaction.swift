/// RemoteStartTransaction.req: Sent by the central system; asks the charger to start a transaction.
public struct RemoteStartTransactionRequest: OCPPRequest {
    public typealias Confirmation = RemoteStartTransactionConfirmation
    public static let action = OCPPAction.remoteStartTransaction

    public var connectorId: Int?
    public var idTag: String
    public var chargingProfile: ChargingProfile?

    public init(connectorId: Int? = nil, idTag: String, chargingProfile: ChargingProfile? = nil) {
        self.connectorId = connectorId
        self.idTag = idTag
        self.chargingProfile = chargingProfile
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.33: connectorId > 0.
        connectorId = try reader.optionalInteger("connectorId", atLeast: 1)
        idTag = try reader.string("idTag", maxLength: 20)
        chargingProfile = try reader.optionalObject("chargingProfile")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("idTag", idTag)
        writer.write("chargingProfile", chargingProfile)
    }
}

/// RemoteStartTransaction.conf: the answer to `RemoteStartTransactionRequest`.
public struct RemoteStartTransactionConfirmation: OCPPPayload {
    public var status: RemoteStartStopStatus

    public init(status: RemoteStartStopStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
