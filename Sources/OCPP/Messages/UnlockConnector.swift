/// UnlockConnector.req: Sent by the central system; unlocks a connector's cable.
public struct UnlockConnectorRequest: OCPPRequest {
    public typealias Confirmation = UnlockConnectorConfirmation
    public static let action = OCPPAction.unlockConnector

    public var connectorId: Int

    public init(connectorId: Int) {
        self.connectorId = connectorId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.53: connectorId > 0.
        connectorId = try reader.integer("connectorId", atLeast: 1)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
    }
}

/// UnlockConnector.conf: the answer to `UnlockConnectorRequest`.
public struct UnlockConnectorConfirmation: OCPPPayload {
    public var status: UnlockStatus

    public init(status: UnlockStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
