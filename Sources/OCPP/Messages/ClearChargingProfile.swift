/// ClearChargingProfile.req: Sent by the central system; removes charging profiles that match all given criteria.
public struct ClearChargingProfileRequest: OCPPRequest {
    public typealias Confirmation = ClearChargingProfileConfirmation
    public static let action = OCPPAction.clearChargingProfile

    public var id: Int?
    public var connectorId: Int?
    public var chargingProfilePurpose: ChargingProfilePurpose?
    public var stackLevel: Int?

    public init(
        id: Int? = nil, connectorId: Int? = nil, chargingProfilePurpose: ChargingProfilePurpose? = nil,
        stackLevel: Int? = nil
    ) {
        self.id = id
        self.connectorId = connectorId
        self.chargingProfilePurpose = chargingProfilePurpose
        self.stackLevel = stackLevel
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        id = try reader.optionalInteger("id")
        // OCPP 1.6 §6.13 makes 0 the charge point as a whole and gives no other bound; no connector
        // id is negative.
        connectorId = try reader.optionalInteger("connectorId", atLeast: 0)
        chargingProfilePurpose = try reader.optionalEnumeration("chargingProfilePurpose")
        stackLevel = try reader.optionalInteger("stackLevel")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("id", id)
        writer.write("connectorId", connectorId)
        writer.write("chargingProfilePurpose", chargingProfilePurpose)
        writer.write("stackLevel", stackLevel)
    }
}

/// ClearChargingProfile.conf: the answer to `ClearChargingProfileRequest`.
public struct ClearChargingProfileConfirmation: OCPPPayload {
    public var status: ClearChargingProfileStatus

    public init(status: ClearChargingProfileStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
