/// MeterValues.req: Sent by the charge point; reports sampled meter values.
public struct MeterValuesRequest: OCPPRequest {
    public typealias Confirmation = MeterValuesConfirmation
    public static let action = OCPPAction.meterValues

    public var connectorId: Int
    public var transactionId: Int?
    public var meterValue: [MeterValue]

    public init(connectorId: Int, transactionId: Int? = nil, meterValue: [MeterValue]) {
        self.connectorId = connectorId
        self.transactionId = transactionId
        self.meterValue = meterValue
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.31: connectorId >= 0 (0: the main energy meter).
        connectorId = try reader.integer("connectorId", atLeast: 0)
        transactionId = try reader.optionalInteger("transactionId")
        meterValue = try reader.array("meterValue", minItems: 1)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("transactionId", transactionId)
        writer.write("meterValue", meterValue)
    }
}

/// MeterValues.conf: the answer to `MeterValuesRequest`.
public struct MeterValuesConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
