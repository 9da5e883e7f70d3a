import Foundation

/// A charging profile, as SetChargingProfile installs it (`csChargingProfiles`) and
/// RemoteStartTransaction may carry it.
public struct ChargingProfile: OCPPObjectCodable {
    public var chargingProfileId: Int
    /// Only for a `TxProfile`: the transaction it applies to.
    public var transactionId: Int?
    public var stackLevel: Int
    public var chargingProfilePurpose: ChargingProfilePurpose
    public var chargingProfileKind: ChargingProfileKind
    public var recurrencyKind: RecurrencyKind?
    public var validFrom: Date?
    public var validTo: Date?
    public var chargingSchedule: ChargingSchedule

    public init(
        chargingProfileId: Int, transactionId: Int? = nil, stackLevel: Int,
        chargingProfilePurpose: ChargingProfilePurpose, chargingProfileKind: ChargingProfileKind,
        recurrencyKind: RecurrencyKind? = nil, validFrom: Date? = nil, validTo: Date? = nil,
        chargingSchedule: ChargingSchedule
    ) {
        self.chargingProfileId = chargingProfileId
        self.transactionId = transactionId
        self.stackLevel = stackLevel
        self.chargingProfilePurpose = chargingProfilePurpose
        self.chargingProfileKind = chargingProfileKind
        self.recurrencyKind = recurrencyKind
        self.validFrom = validFrom
        self.validTo = validTo
        self.chargingSchedule = chargingSchedule
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        chargingProfileId = try reader.integer("chargingProfileId")
        transactionId = try reader.optionalInteger("transactionId")
        stackLevel = try reader.integer("stackLevel")
        chargingProfilePurpose = try reader.enumeration("chargingProfilePurpose")
        chargingProfileKind = try reader.enumeration("chargingProfileKind")
        recurrencyKind = try reader.optionalEnumeration("recurrencyKind")
        validFrom = try reader.optionalDateTime("validFrom")
        validTo = try reader.optionalDateTime("validTo")
        chargingSchedule = try reader.object("chargingSchedule")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("chargingProfileId", chargingProfileId)
        writer.write("transactionId", transactionId)
        writer.write("stackLevel", stackLevel)
        writer.write("chargingProfilePurpose", chargingProfilePurpose)
        writer.write("chargingProfileKind", chargingProfileKind)
        writer.write("recurrencyKind", recurrencyKind)
        writer.write("validFrom", dateTime: validFrom)
        writer.write("validTo", dateTime: validTo)
        writer.write("chargingSchedule", chargingSchedule)
    }
}
