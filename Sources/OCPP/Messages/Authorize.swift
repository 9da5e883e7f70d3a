/// Authorize.req: Sent by the charge point; asks whether an id tag may charge.
public struct AuthorizeRequest: OCPPRequest {
    public typealias Confirmation = AuthorizeConfirmation
    public static let action = OCPPAction.authorize

    public var idTag: String

    public init(idTag: String) {
        self.idTag = idTag
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTag = try reader.string("idTag", maxLength: 20)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTag", idTag)
    }
}

/// Authorize.conf: the answer to `AuthorizeRequest`.
public struct AuthorizeConfirmation: OCPPPayload {
    public var idTagInfo: IdTagInfo

    public init(idTagInfo: IdTagInfo) {
        self.idTagInfo = idTagInfo
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTagInfo = try reader.object("idTagInfo")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTagInfo", idTagInfo)
    }
}
