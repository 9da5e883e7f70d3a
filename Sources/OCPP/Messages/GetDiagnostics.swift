import Foundation

/// GetDiagnostics.req: Sent by the central system; asks the charger to upload a diagnostics file.
public struct GetDiagnosticsRequest: OCPPRequest {
    public typealias Confirmation = GetDiagnosticsConfirmation
    public static let action = OCPPAction.getDiagnostics

    public var location: String
    public var retries: Int?
    public var retryInterval: Int?
    public var startTime: Date?
    public var stopTime: Date?

    public init(
        location: String, retries: Int? = nil, retryInterval: Int? = nil, startTime: Date? = nil, stopTime: Date? = nil
    ) {
        self.location = location
        self.retries = retries
        self.retryInterval = retryInterval
        self.startTime = startTime
        self.stopTime = stopTime
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        location = try reader.uri("location")
        retries = try reader.optionalInteger("retries")
        retryInterval = try reader.optionalInteger("retryInterval")
        startTime = try reader.optionalDateTime("startTime")
        stopTime = try reader.optionalDateTime("stopTime")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("location", location)
        writer.write("retries", retries)
        writer.write("retryInterval", retryInterval)
        writer.write("startTime", dateTime: startTime)
        writer.write("stopTime", dateTime: stopTime)
    }
}

/// GetDiagnostics.conf: the answer to `GetDiagnosticsRequest`.
public struct GetDiagnosticsConfirmation: OCPPPayload {
    public var fileName: String?

    public init(fileName: String? = nil) {
        self.fileName = fileName
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        fileName = try reader.optionalString("fileName", maxLength: 255)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("fileName", fileName)
    }
}
