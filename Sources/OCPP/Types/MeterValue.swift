import Foundation

/// The values sampled at one moment, in MeterValues and in StopTransaction's
/// `transactionData`.
public struct MeterValue: OCPPObjectCodable {
    /// The two schemas that define a meter value; they differ in small ways.
    public enum Schema: Sendable, Hashable {
        /// MeterValues: at least one sampled value; `Hertz` is a unit.
        case meterValues
        /// StopTransaction's `transactionData`: no minimum; no `Hertz`.
        case transactionData
    }

    public var timestamp: Date
    public var sampledValue: [SampledValue]

    public init(timestamp: Date, sampledValue: [SampledValue]) {
        self.timestamp = timestamp
        self.sampledValue = sampledValue
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        try self.init(from: &reader, schema: .meterValues)
    }

    public init(from reader: inout OCPPObjectReader, schema: Schema) throws(OCPPValidationError) {
        timestamp = try reader.dateTime("timestamp")
        sampledValue = try reader.array("sampledValue", minItems: schema == .meterValues ? 1 : 0) {
            reader throws(OCPPValidationError) in try SampledValue(from: &reader, schema: schema)
        }
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("timestamp", dateTime: timestamp)
        writer.write("sampledValue", sampledValue)
    }
}
