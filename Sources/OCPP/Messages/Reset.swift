/// Reset.req: Sent by the central system; restarts the charger.
public struct ResetRequest: OCPPRequest {
    public typealias Confirmation = ResetConfirmation
    public static let action = OCPPAction.reset

    public var type: ResetType

    public init(type: ResetType) {
        self.type = type
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        type = try reader.enumeration("type")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("type", type)
    }
}

/// Reset.conf: the answer to `ResetRequest`.
public struct ResetConfirmation: OCPPPayload {
    public var status: ResetStatus

    public init(status: ResetStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
