/// SignedFirmwareStatusNotification.req: Sent by the charge point; reports the progress of a signed firmware update.
public struct SignedFirmwareStatusNotificationRequest: OCPPRequest {
    public typealias Confirmation = SignedFirmwareStatusNotificationConfirmation
    public static let action = OCPPAction.signedFirmwareStatusNotification

    public var status: SignedFirmwareStatus
    public var requestId: Int?

    public init(status: SignedFirmwareStatus, requestId: Int? = nil) {
        self.status = status
        self.requestId = requestId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
        requestId = try reader.optionalInteger("requestId")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
        writer.write("requestId", requestId)
    }
}

/// SignedFirmwareStatusNotification.conf: the answer to `SignedFirmwareStatusNotificationRequest`.
public struct SignedFirmwareStatusNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
