import Foundation

/// The limits over time of a charging profile (or of a composite schedule).
public struct ChargingSchedule: OCPPObjectCodable {
    /// Seconds; absent: the last period lasts until the profile ends.
    public var duration: Int?
    public var startSchedule: Date?
    public var chargingRateUnit: ChargingRateUnit
    public var chargingSchedulePeriod: [ChargingSchedulePeriod]
    /// A multiple of 0.1; encoding rounds it to one decimal.
    public var minChargingRate: Double?

    public init(
        chargingRateUnit: ChargingRateUnit, chargingSchedulePeriod: [ChargingSchedulePeriod], duration: Int? = nil,
        startSchedule: Date? = nil, minChargingRate: Double? = nil
    ) {
        self.duration = duration
        self.startSchedule = startSchedule
        self.chargingRateUnit = chargingRateUnit
        self.chargingSchedulePeriod = chargingSchedulePeriod
        self.minChargingRate = minChargingRate
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        duration = try reader.optionalInteger("duration")
        startSchedule = try reader.optionalDateTime("startSchedule")
        chargingRateUnit = try reader.enumeration("chargingRateUnit")
        chargingSchedulePeriod = try reader.array("chargingSchedulePeriod")
        minChargingRate = try reader.optionalDecimal("minChargingRate")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("duration", duration)
        writer.write("startSchedule", dateTime: startSchedule)
        writer.write("chargingRateUnit", chargingRateUnit)
        writer.write("chargingSchedulePeriod", chargingSchedulePeriod)
        writer.write("minChargingRate", decimal: minChargingRate)
    }
}
