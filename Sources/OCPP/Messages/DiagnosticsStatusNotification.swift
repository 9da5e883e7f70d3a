/// DiagnosticsStatusNotification.req: Sent by the charge point; reports the progress of a diagnostics upload.
public struct DiagnosticsStatusNotificationRequest: OCPPRequest {
    public typealias Confirmation = DiagnosticsStatusNotificationConfirmation
    public static let action = OCPPAction.diagnosticsStatusNotification

    public var status: DiagnosticsStatus

    public init(status: DiagnosticsStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}

/// DiagnosticsStatusNotification.conf: the answer to `DiagnosticsStatusNotificationRequest`.
public struct DiagnosticsStatusNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
