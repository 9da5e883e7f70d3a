import Foundation

/// SecurityEventNotification.req: Sent by the charge point; reports a security event (OCPP 1.6 security whitepaper).
public struct SecurityEventNotificationRequest: OCPPRequest {
    public typealias Confirmation = SecurityEventNotificationConfirmation
    public static let action = OCPPAction.securityEventNotification

    public var type: String
    public var timestamp: Date
    public var techInfo: String?

    public init(type: String, timestamp: Date, techInfo: String? = nil) {
        self.type = type
        self.timestamp = timestamp
        self.techInfo = techInfo
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        type = try reader.string("type", maxLength: 50)
        timestamp = try reader.dateTime("timestamp")
        techInfo = try reader.optionalString("techInfo", maxLength: 255)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("type", type)
        writer.write("timestamp", dateTime: timestamp)
        writer.write("techInfo", techInfo)
    }
}

/// SecurityEventNotification.conf: the answer to `SecurityEventNotificationRequest`.
public struct SecurityEventNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
