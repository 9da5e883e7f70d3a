/// One period of a charging schedule: from `startPeriod` seconds after the schedule's start,
/// at most `limit` (in the schedule's unit) until the next period.
public struct ChargingSchedulePeriod: OCPPObjectCodable {
    public var startPeriod: Int
    /// Amperes or watts, a multiple of 0.1; encoding rounds it to one decimal.
    public var limit: Double
    public var numberPhases: Int?

    public init(startPeriod: Int, limit: Double, numberPhases: Int? = nil) {
        self.startPeriod = startPeriod
        self.limit = limit
        self.numberPhases = numberPhases
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        startPeriod = try reader.integer("startPeriod")
        limit = try reader.decimal("limit")
        numberPhases = try reader.optionalInteger("numberPhases")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("startPeriod", startPeriod)
        writer.write("limit", decimal: limit)
        writer.write("numberPhases", numberPhases)
    }
}
