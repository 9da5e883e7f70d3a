/// SendLocalList.req: Sent by the central system; replaces or updates the local authorization list.
public struct SendLocalListRequest: OCPPRequest {
    public typealias Confirmation = SendLocalListConfirmation
    public static let action = OCPPAction.sendLocalList

    public var listVersion: Int
    public var localAuthorizationList: [AuthorizationData]?
    public var updateType: UpdateType

    public init(listVersion: Int, localAuthorizationList: [AuthorizationData]? = nil, updateType: UpdateType) {
        self.listVersion = listVersion
        self.localAuthorizationList = localAuthorizationList
        self.updateType = updateType
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        listVersion = try reader.integer("listVersion")
        localAuthorizationList = try reader.optionalArray("localAuthorizationList")
        updateType = try reader.enumeration("updateType")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("listVersion", listVersion)
        writer.write("localAuthorizationList", localAuthorizationList)
        writer.write("updateType", updateType)
    }
}

/// SendLocalList.conf: the answer to `SendLocalListRequest`.
public struct SendLocalListConfirmation: OCPPPayload {
    public var status: UpdateStatus

    public init(status: UpdateStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
