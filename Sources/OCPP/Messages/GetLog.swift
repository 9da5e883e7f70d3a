/// GetLog.req: Sent by the central system; asks the charger to upload its diagnostics or security log.
public struct GetLogRequest: OCPPRequest {
    public typealias Confirmation = GetLogConfirmation
    public static let action = OCPPAction.getLog

    public var log: LogParameters
    public var logType: LogType
    public var requestId: Int
    public var retries: Int?
    public var retryInterval: Int?

    public init(log: LogParameters, logType: LogType, requestId: Int, retries: Int? = nil, retryInterval: Int? = nil) {
        self.log = log
        self.logType = logType
        self.requestId = requestId
        self.retries = retries
        self.retryInterval = retryInterval
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        log = try reader.object("log")
        logType = try reader.enumeration("logType")
        requestId = try reader.integer("requestId")
        retries = try reader.optionalInteger("retries")
        retryInterval = try reader.optionalInteger("retryInterval")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("log", log)
        writer.write("logType", logType)
        writer.write("requestId", requestId)
        writer.write("retries", retries)
        writer.write("retryInterval", retryInterval)
    }
}

/// GetLog.conf: the answer to `GetLogRequest`.
public struct GetLogConfirmation: OCPPPayload {
    public var status: LogStatus
    /// The name of the file the charger uploads.
    public var filename: String?

    public init(status: LogStatus, filename: String? = nil) {
        self.status = status
        self.filename = filename
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
        filename = try reader.optionalString("filename", maxLength: 255)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
        writer.write("filename", filename)
    }
}
