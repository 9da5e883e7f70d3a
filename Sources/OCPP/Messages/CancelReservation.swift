/// CancelReservation.req: Sent by the central system; cancels a reservation.
public struct CancelReservationRequest: OCPPRequest {
    public typealias Confirmation = CancelReservationConfirmation
    public static let action = OCPPAction.cancelReservation

    public var reservationId: Int

    public init(reservationId: Int) {
        self.reservationId = reservationId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        reservationId = try reader.integer("reservationId")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("reservationId", reservationId)
    }
}

/// CancelReservation.conf: the answer to `CancelReservationRequest`.
public struct CancelReservationConfirmation: OCPPPayload {
    public var status: CancelReservationStatus

    public init(status: CancelReservationStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
