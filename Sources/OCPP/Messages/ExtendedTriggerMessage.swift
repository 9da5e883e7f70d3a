/// ExtendedTriggerMessage.req: Sent by the central system; asks the charger to send a message now, the security messages included.
public struct ExtendedTriggerMessageRequest: OCPPRequest {
    public typealias Confirmation = ExtendedTriggerMessageConfirmation
    public static let action = OCPPAction.extendedTriggerMessage

    public var requestedMessage: ExtendedMessageTrigger
    /// Left out for the charge point as a whole (the whitepaper: connectorId > 0).
    public var connectorId: Int?

    public init(requestedMessage: ExtendedMessageTrigger, connectorId: Int? = nil) {
        self.requestedMessage = requestedMessage
        self.connectorId = connectorId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        requestedMessage = try reader.enumeration("requestedMessage")
        connectorId = try reader.optionalInteger("connectorId", atLeast: 1)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("requestedMessage", requestedMessage)
        writer.write("connectorId", connectorId)
    }
}

/// ExtendedTriggerMessage.conf: the answer to `ExtendedTriggerMessageRequest`.
public struct ExtendedTriggerMessageConfirmation: OCPPPayload {
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
