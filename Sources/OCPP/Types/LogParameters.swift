import Foundation

/// Where a GetLog uploads the log to, and the period it covers.
public struct LogParameters: OCPPObjectCodable {
    public var remoteLocation: String
    public var oldestTimestamp: Date?
    public var latestTimestamp: Date?

    public init(remoteLocation: String, oldestTimestamp: Date? = nil, latestTimestamp: Date? = nil) {
        self.remoteLocation = remoteLocation
        self.oldestTimestamp = oldestTimestamp
        self.latestTimestamp = latestTimestamp
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        remoteLocation = try reader.string("remoteLocation", maxLength: 512)
        oldestTimestamp = try reader.optionalDateTime("oldestTimestamp")
        latestTimestamp = try reader.optionalDateTime("latestTimestamp")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("remoteLocation", remoteLocation)
        writer.write("oldestTimestamp", dateTime: oldestTimestamp)
        writer.write("latestTimestamp", dateTime: latestTimestamp)
    }
}
