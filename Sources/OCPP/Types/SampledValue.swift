/// One measured value of a meter value. Only `value` is required; the standard's defaults
/// for the rest are `Sample.Periodic`, `Raw`, `Energy.Active.Import.Register`, `Outlet`, `Wh`.
public struct SampledValue: OCPPObjectCodable {
    /// The value as text (a decimal, or signed data when `format` is `SignedData`).
    public var value: String
    public var context: ReadingContext?
    public var format: ValueFormat?
    public var measurand: Measurand?
    public var phase: Phase?
    public var location: Location?
    public var unit: UnitOfMeasure?

    public init(
        value: String, context: ReadingContext? = nil, format: ValueFormat? = nil, measurand: Measurand? = nil,
        phase: Phase? = nil, location: Location? = nil, unit: UnitOfMeasure? = nil
    ) {
        self.value = value
        self.context = context
        self.format = format
        self.measurand = measurand
        self.phase = phase
        self.location = location
        self.unit = unit
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        try self.init(from: &reader, schema: .meterValues)
    }

    /// Reads a sampled value as the schema of `schema` defines it: StopTransaction's list of
    /// units lacks `Hertz`.
    public init(from reader: inout OCPPObjectReader, schema: MeterValue.Schema) throws(OCPPValidationError) {
        value = try reader.string("value")
        context = try reader.optionalEnumeration("context")
        format = try reader.optionalEnumeration("format")
        measurand = try reader.optionalEnumeration("measurand")
        phase = try reader.optionalEnumeration("phase")
        location = try reader.optionalEnumeration("location")
        unit = try reader.optionalEnumeration("unit")
        if unit == .hertz, schema == .transactionData {
            try reader.violation(at: "unit", "\"Hertz\" is not a unit StopTransaction allows")
        }
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("value", value)
        writer.write("context", context)
        writer.write("format", format)
        writer.write("measurand", measurand)
        writer.write("phase", phase)
        writer.write("location", location)
        writer.write("unit", unit)
    }
}
