/// SetChargingProfile.req: Sent by the central system; installs a charging profile.
public struct SetChargingProfileRequest: OCPPRequest {
    public typealias Confirmation = SetChargingProfileConfirmation
    public static let action = OCPPAction.setChargingProfile

    public var connectorId: Int
    public var csChargingProfiles: ChargingProfile

    public init(connectorId: Int, csChargingProfiles: ChargingProfile) {
        self.connectorId = connectorId
        self.csChargingProfiles = csChargingProfiles
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        // OCPP 1.6 §6.43 makes 0 the charge point as a whole and gives no other bound; no connector
        // id is negative.
        connectorId = try reader.integer("connectorId", atLeast: 0)
        csChargingProfiles = try reader.object("csChargingProfiles")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("connectorId", connectorId)
        writer.write("csChargingProfiles", csChargingProfiles)
    }
}

/// SetChargingProfile.conf: the answer to `SetChargingProfileRequest`.
public struct SetChargingProfileConfirmation: OCPPPayload {
    public var status: ChargingProfileStatus

    public init(status: ChargingProfileStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
