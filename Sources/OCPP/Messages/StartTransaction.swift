import Foundation

/// StartTransaction.req: Sent by the charge point; reports that a transaction started.
public struct StartTransactionRequest: OCPPRequest {
    public typealias Confirmation = StartTransactionConfirmation
    public static let action = OCPPAction.startTransaction

    public var connectorId: Int
    public var idTag: String
    public var meterStart: Int
    public var reservationId: Int?
    public var timestamp: Date

    public init(connectorId: Int, idTag: String, meterStart: Int, reservationId: Int? = nil, timestamp: Date) {
        self.connectorId = connectorId
        self.idTag = idTag
        self.meterStart = meterStart
        self.reservationId = reservationId
        self.timestamp = timestamp
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.45: connectorId > 0 (a transaction is on a connector, never the charger as a whole).
        connectorId = try reader.integer("connectorId", atLeast: 1)
        idTag = try reader.string("idTag", maxLength: 20)
        meterStart = try reader.integer("meterStart")
        reservationId = try reader.optionalInteger("reservationId")
        timestamp = try reader.dateTime("timestamp")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("idTag", idTag)
        writer.write("meterStart", meterStart)
        writer.write("reservationId", reservationId)
        writer.write("timestamp", dateTime: timestamp)
    }
}

/// StartTransaction.conf: the answer to `StartTransactionRequest`.
public struct StartTransactionConfirmation: OCPPPayload {
    public var idTagInfo: IdTagInfo
    public var transactionId: Int

    public init(idTagInfo: IdTagInfo, transactionId: Int) {
        self.idTagInfo = idTagInfo
        self.transactionId = transactionId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTagInfo = try reader.object("idTagInfo")
        transactionId = try reader.integer("transactionId")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTagInfo", idTagInfo)
        writer.write("transactionId", transactionId)
    }
}
