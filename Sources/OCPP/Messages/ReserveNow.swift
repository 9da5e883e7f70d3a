import Foundation

/// ReserveNow.req: Sent by the central system; reserves a connector for an id tag.
public struct ReserveNowRequest: OCPPRequest {
    public typealias Confirmation = ReserveNowConfirmation
    public static let action = OCPPAction.reserveNow

    public var connectorId: Int
    public var expiryDate: Date
    public var idTag: String
    public var parentIdTag: String?
    public var reservationId: Int

    public init(connectorId: Int, expiryDate: Date, idTag: String, parentIdTag: String? = nil, reservationId: Int) {
        self.connectorId = connectorId
        self.expiryDate = expiryDate
        self.idTag = idTag
        self.parentIdTag = parentIdTag
        self.reservationId = reservationId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.37: connectorId >= 0 (0: any connector).
        connectorId = try reader.integer("connectorId", atLeast: 0)
        expiryDate = try reader.dateTime("expiryDate")
        idTag = try reader.string("idTag", maxLength: 20)
        parentIdTag = try reader.optionalString("parentIdTag", maxLength: 20)
        reservationId = try reader.integer("reservationId")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("expiryDate", dateTime: expiryDate)
        writer.write("idTag", idTag)
        writer.write("parentIdTag", parentIdTag)
        writer.write("reservationId", reservationId)
    }
}

/// ReserveNow.conf: the answer to `ReserveNowRequest`.
public struct ReserveNowConfirmation: OCPPPayload {
    public var status: ReservationStatus

    public init(status: ReservationStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
