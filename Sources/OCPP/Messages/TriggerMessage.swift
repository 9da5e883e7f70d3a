/// TriggerMessage.req: Sent by the central system; asks the charger to send a message now.
public struct TriggerMessageRequest: OCPPRequest {
    public typealias Confirmation = TriggerMessageConfirmation
    public static let action = OCPPAction.triggerMessage

    public var requestedMessage: MessageTrigger
    public var connectorId: Int?

    public init(requestedMessage: MessageTrigger, connectorId: Int? = nil) {
        self.requestedMessage = requestedMessage
        self.connectorId = connectorId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        requestedMessage = try reader.enumeration("requestedMessage")
        // OCPP 1.6 §6.51: connectorId > 0 (left out for the charge point as a whole).
        connectorId = try reader.optionalInteger("connectorId", atLeast: 1)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("requestedMessage", requestedMessage)
        writer.write("connectorId", connectorId)
    }
}

/// TriggerMessage.conf: the answer to `TriggerMessageRequest`.
public struct TriggerMessageConfirmation: OCPPPayload {
    public var status: TriggerMessageStatus

    public init(status: TriggerMessageStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
