import Foundation

/// StatusNotification.req: Sent by the charge point; reports the status of the charger or a connector.
public struct StatusNotificationRequest: OCPPRequest {
    public typealias Confirmation = StatusNotificationConfirmation
    public static let action = OCPPAction.statusNotification

    public var connectorId: Int
    public var errorCode: ChargePointErrorCode
    public var info: String?
    public var status: ChargePointStatus
    public var timestamp: Date?
    public var vendorId: String?
    public var vendorErrorCode: String?

    public init(
        connectorId: Int, errorCode: ChargePointErrorCode, info: String? = nil, status: ChargePointStatus,
        timestamp: Date? = nil, vendorId: String? = nil, vendorErrorCode: String? = nil
    ) {
        self.connectorId = connectorId
        self.errorCode = errorCode
        self.info = info
        self.status = status
        self.timestamp = timestamp
        self.vendorId = vendorId
        self.vendorErrorCode = vendorErrorCode
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.47: connectorId >= 0 (0: the charge point's main controller).
        connectorId = try reader.integer("connectorId", atLeast: 0)
        errorCode = try reader.enumeration("errorCode")
        info = try reader.optionalString("info", maxLength: 50)
        status = try reader.enumeration("status")
        timestamp = try reader.optionalDateTime("timestamp")
        vendorId = try reader.optionalString("vendorId", maxLength: 255)
        vendorErrorCode = try reader.optionalString("vendorErrorCode", maxLength: 50)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("errorCode", errorCode)
        writer.write("info", info)
        writer.write("status", status)
        writer.write("timestamp", dateTime: timestamp)
        writer.write("vendorId", vendorId)
        writer.write("vendorErrorCode", vendorErrorCode)
    }
}

/// StatusNotification.conf: the answer to `StatusNotificationRequest`.
public struct StatusNotificationConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
