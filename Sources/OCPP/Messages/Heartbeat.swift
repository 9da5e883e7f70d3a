import Foundation

/// Heartbeat.req: Sent by the charge point; tells the central system the charger is alive and asks for the time.
public struct HeartbeatRequest: OCPPRequest {
    public typealias Confirmation = HeartbeatConfirmation
    public static let action = OCPPAction.heartbeat

    public init() {}

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {}

    public func encode(to writer: inout OCPPObjectWriter) {}
}

/// Heartbeat.conf: the answer to `HeartbeatRequest`.
public struct HeartbeatConfirmation: OCPPPayload {
    public var currentTime: Date

    public init(currentTime: Date) {
        self.currentTime = currentTime
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        currentTime = try reader.dateTime("currentTime")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("currentTime", dateTime: currentTime)
    }
}
