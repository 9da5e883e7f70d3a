/// LogStatusNotification.req: Sent by the charge point; reports the progress of a log upload.
public struct LogStatusNotificationRequest: OCPPRequest {
    public typealias Confirmation = LogStatusNotificationConfirmation
    public static let action = OCPPAction.logStatusNotification

    public var status: UploadLogStatus
    public var requestId: Int?

    public init(status: UploadLogStatus, requestId: Int? = nil) {
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

/// LogStatusNotification.conf: the answer to `LogStatusNotificationRequest`.
public struct LogStatusNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
