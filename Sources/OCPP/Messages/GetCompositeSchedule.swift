import Foundation

/// GetCompositeSchedule.req: Sent by the central system; asks for the schedule that results from all profiles in force.
public struct GetCompositeScheduleRequest: OCPPRequest {
    public typealias Confirmation = GetCompositeScheduleConfirmation
    public static let action = OCPPAction.getCompositeSchedule

    public var connectorId: Int
    public var duration: Int
    public var chargingRateUnit: ChargingRateUnit?

    public init(connectorId: Int, duration: Int, chargingRateUnit: ChargingRateUnit? = nil) {
        self.connectorId = connectorId
        self.duration = duration
        self.chargingRateUnit = chargingRateUnit
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.21 makes 0 the grid connection as a whole and gives no other bound; no
        // connector id is negative.
        connectorId = try reader.integer("connectorId", atLeast: 0)
        duration = try reader.integer("duration")
        chargingRateUnit = try reader.optionalEnumeration("chargingRateUnit")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("duration", duration)
        writer.write("chargingRateUnit", chargingRateUnit)
    }
}

/// GetCompositeSchedule.conf: the answer to `GetCompositeScheduleRequest`.
public struct GetCompositeScheduleConfirmation: OCPPPayload {
    public var status: GetCompositeScheduleStatus
    public var connectorId: Int?
    public var scheduleStart: Date?
    public var chargingSchedule: ChargingSchedule?

    public init(
        status: GetCompositeScheduleStatus, connectorId: Int? = nil, scheduleStart: Date? = nil,
        chargingSchedule: ChargingSchedule? = nil
    ) {
        self.status = status
        self.connectorId = connectorId
        self.scheduleStart = scheduleStart
        self.chargingSchedule = chargingSchedule
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
        connectorId = try reader.optionalInteger("connectorId")
        scheduleStart = try reader.optionalDateTime("scheduleStart")
        chargingSchedule = try reader.optionalObject("chargingSchedule")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
        writer.write("connectorId", connectorId)
        writer.write("scheduleStart", dateTime: scheduleStart)
        writer.write("chargingSchedule", chargingSchedule)
    }
}
