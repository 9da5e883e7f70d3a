import Foundation

/// UpdateFirmware.req: Sent by the central system; asks the charger to download and install firmware.
public struct UpdateFirmwareRequest: OCPPRequest {
    public typealias Confirmation = UpdateFirmwareConfirmation
    public static let action = OCPPAction.updateFirmware

    public var location: String
    public var retries: Int?
    public var retrieveDate: Date
    public var retryInterval: Int?

    public init(location: String, retries: Int? = nil, retrieveDate: Date, retryInterval: Int? = nil) {
        self.location = location
        self.retries = retries
        self.retrieveDate = retrieveDate
        self.retryInterval = retryInterval
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        location = try reader.uri("location")
        retries = try reader.optionalInteger("retries")
        retrieveDate = try reader.dateTime("retrieveDate")
        retryInterval = try reader.optionalInteger("retryInterval")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("location", location)
        writer.write("retries", retries)
        writer.write("retrieveDate", dateTime: retrieveDate)
        writer.write("retryInterval", retryInterval)
    }
}

/// UpdateFirmware.conf: the answer to `UpdateFirmwareRequest`.
public struct UpdateFirmwareConfirmation: OCPPPayload {
    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}
