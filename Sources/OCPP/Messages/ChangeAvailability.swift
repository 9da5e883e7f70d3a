/// ChangeAvailability.req: Sent by the central system; makes a charger or connector operative or inoperative.
public struct ChangeAvailabilityRequest: OCPPRequest {
    public typealias Confirmation = ChangeAvailabilityConfirmation
    public static let action = OCPPAction.changeAvailability

    public var connectorId: Int
    public var type: AvailabilityType

    public init(connectorId: Int, type: AvailabilityType) {
        self.connectorId = connectorId
        self.type = type
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.7: connectorId >= 0 (0: the charge point and all its connectors).
        connectorId = try reader.integer("connectorId", atLeast: 0)
        type = try reader.enumeration("type")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("type", type)
    }
}

/// ChangeAvailability.conf: the answer to `ChangeAvailabilityRequest`.
public struct ChangeAvailabilityConfirmation: OCPPPayload {
    public var status: AvailabilityStatus

    public init(status: AvailabilityStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
