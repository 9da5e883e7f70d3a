/// GetLocalListVersion.req: Sent by the central system; asks for the version of the local authorization list.
public struct GetLocalListVersionRequest: OCPPRequest {
    public typealias Confirmation = GetLocalListVersionConfirmation
    public static let action = OCPPAction.getLocalListVersion

    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}

/// GetLocalListVersion.conf: the answer to `GetLocalListVersionRequest`.
public struct GetLocalListVersionConfirmation: OCPPPayload {
    public var listVersion: Int

    public init(listVersion: Int) {
        self.listVersion = listVersion
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        listVersion = try reader.integer("listVersion")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("listVersion", listVersion)
    }
}
