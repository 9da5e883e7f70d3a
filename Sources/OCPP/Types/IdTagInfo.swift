import Foundation

/// The central system's verdict on an id tag, in Authorize, StartTransaction, StopTransaction
/// and the local authorization list.
public struct IdTagInfo: OCPPObjectCodable {
    /// When the charger's cached verdict expires.
    public var expiryDate: Date?
    /// The group the id tag belongs to.
    public var parentIdTag: String?
    public var status: AuthorizationStatus

    public init(status: AuthorizationStatus, expiryDate: Date? = nil, parentIdTag: String? = nil) {
        self.expiryDate = expiryDate
        self.parentIdTag = parentIdTag
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        expiryDate = try reader.optionalDateTime("expiryDate")
        parentIdTag = try reader.optionalString("parentIdTag", maxLength: 20)
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("expiryDate", dateTime: expiryDate)
        writer.write("parentIdTag", parentIdTag)
        writer.write("status", status)
    }
}
