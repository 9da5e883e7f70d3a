import Foundation

/// StopTransaction.req: Sent by the charge point; reports that a transaction stopped.
public struct StopTransactionRequest: OCPPRequest {
    public typealias Confirmation = StopTransactionConfirmation
    public static let action = OCPPAction.stopTransaction

    public var idTag: String?
    public var meterStop: Int
    public var timestamp: Date
    public var transactionId: Int
    public var reason: StopReason?
    public var transactionData: [MeterValue]?

    public init(
        idTag: String? = nil, meterStop: Int, timestamp: Date, transactionId: Int, reason: StopReason? = nil,
        transactionData: [MeterValue]? = nil
    ) {
        self.idTag = idTag
        self.meterStop = meterStop
        self.timestamp = timestamp
        self.transactionId = transactionId
        self.reason = reason
        self.transactionData = transactionData
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTag = try reader.optionalString("idTag", maxLength: 20)
        meterStop = try reader.integer("meterStop")
        timestamp = try reader.dateTime("timestamp")
        transactionId = try reader.integer("transactionId")
        reason = try reader.optionalEnumeration("reason")
        transactionData = try reader.optionalArray("transactionData") { reader throws(OCPPValidationError) in
            try MeterValue(from: &reader, schema: .transactionData)
        }
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTag", idTag)
        writer.write("meterStop", meterStop)
        writer.write("timestamp", dateTime: timestamp)
        writer.write("transactionId", transactionId)
        writer.write("reason", reason)
        writer.write("transactionData", transactionData)
    }
}

/// StopTransaction.conf: the answer to `StopTransactionRequest`.
public struct StopTransactionConfirmation: OCPPPayload {
    public var idTagInfo: IdTagInfo?

    public init(idTagInfo: IdTagInfo? = nil) {
        self.idTagInfo = idTagInfo
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTagInfo = try reader.optionalObject("idTagInfo")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTagInfo", idTagInfo)
    }
}
