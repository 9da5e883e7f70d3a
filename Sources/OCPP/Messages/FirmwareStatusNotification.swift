/// FirmwareStatusNotification.req: Sent by the charge point; reports the progress of a firmware update.
public struct FirmwareStatusNotificationRequest: OCPPRequest {
    public typealias Confirmation = FirmwareStatusNotificationConfirmation
    public static let action = OCPPAction.firmwareStatusNotification

    public var status: FirmwareStatus

    public init(status: FirmwareStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}

/// FirmwareStatusNotification.conf: the answer to `FirmwareStatusNotificationRequest`.
public struct FirmwareStatusNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
