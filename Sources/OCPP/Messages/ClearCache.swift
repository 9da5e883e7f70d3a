/// ClearCache.req: Sent by the central system; clears the charger's authorization cache.
public struct ClearCacheRequest: OCPPRequest {
    public typealias Confirmation = ClearCacheConfirmation
    public static let action = OCPPAction.clearCache

    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}

/// ClearCache.conf: the answer to `ClearCacheRequest`.
public struct ClearCacheConfirmation: OCPPPayload {
    public var status: ClearCacheStatus

    public init(status: ClearCacheStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
