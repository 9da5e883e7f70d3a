/// One entry of the local authorization list in a SendLocalList.
public struct AuthorizationData: OCPPObjectCodable {
    public var idTag: String
    /// Absent in a differential update: the entry is removed.
    public var idTagInfo: IdTagInfo?

    public init(idTag: String, idTagInfo: IdTagInfo? = nil) {
        self.idTag = idTag
        self.idTagInfo = idTagInfo
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        idTag = try reader.string("idTag", maxLength: 20)
        idTagInfo = try reader.optionalObject("idTagInfo")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("idTag", idTag)
        writer.write("idTagInfo", idTagInfo)
    }
}
