/// DataTransfer.req: Sent by either side; carries vendor-specific data, in either direction.
public struct DataTransferRequest: OCPPRequest {
    public typealias Confirmation = DataTransferConfirmation
    public static let action = OCPPAction.dataTransfer

    public var vendorId: String
    public var messageId: String?
    public var data: String?

    public init(vendorId: String, messageId: String? = nil, data: String? = nil) {
        self.vendorId = vendorId
        self.messageId = messageId
        self.data = data
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        vendorId = try reader.string("vendorId", maxLength: 255)
        messageId = try reader.optionalString("messageId", maxLength: 50)
        data = try reader.optionalString("data")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("vendorId", vendorId)
        writer.write("messageId", messageId)
        writer.write("data", data)
    }
}

/// DataTransfer.conf: the answer to `DataTransferRequest`.
public struct DataTransferConfirmation: OCPPPayload {
    public var status: DataTransferStatus
    public var data: String?

    public init(status: DataTransferStatus, data: String? = nil) {
        self.status = status
        self.data = data
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
        data = try reader.optionalString("data")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
        writer.write("data", data)
    }
}
