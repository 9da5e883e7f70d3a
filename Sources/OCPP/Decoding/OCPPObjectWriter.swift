import Foundation
import JSON

/// Writes the fields of one JSON object of an OCPP payload, always valid for its schema:
/// absent optionals are left out, decimals rounded to one decimal, dates written in UTC, numbers
/// JSON cannot hold (NaN, infinity) written as 0.
public struct OCPPObjectWriter {
    /// The object written so far.
    public private(set) var object = JSONObject()

    public init() {}

    private mutating func append(_ key: String, _ value: JSONValue) {
        object.appendUnchecked(key, value)
    }

    /// Writes a string; `nil` writes nothing, as for every other overload.
    public mutating func write(_ key: String, _ value: String?) {
        if let value { append(key, .string(value)) }
    }

    /// Writes an integer.
    public mutating func write(_ key: String, _ value: Int?) {
        if let value { append(key, .number(Double(value))) }
    }

    /// Writes a boolean.
    public mutating func write(_ key: String, _ value: Bool?) {
        if let value { append(key, .bool(value)) }
    }

    /// A number of the schemas' `multipleOf 0.1` kind, rounded to one decimal.
    public mutating func write(_ key: String, decimal value: Double?) {
        if let value { append(key, .number(Self.roundedToTenth(value))) }
    }

    /// A number of the OCPP 2.0.1 schemas' `number` kind, written as it is; NaN and infinity,
    /// which JSON cannot hold, as 0.
    public mutating func write(_ key: String, number value: Double?) {
        if let value { append(key, .number(value.isFinite ? value : 0)) }
    }

    /// Writes a date-time in UTC (`2026-11-25T08:00:00Z`, milliseconds when there are any).
    public mutating func write(_ key: String, dateTime value: Date?) {
        if let value { append(key, .string(OCPPDateTime.format(value))) }
    }

    /// Writes an enumeration value with its exact spelling.
    public mutating func write<Value: OCPPEnumeration>(_ key: String, _ value: Value?) {
        if let value { append(key, .string(value.spelling)) }
    }

    /// Writes a nested object.
    public mutating func write<Value: OCPPObjectCodable>(_ key: String, _ value: Value?) {
        if let value { append(key, value.json) }
    }

    /// Writes an array of objects.
    public mutating func write<Value: OCPPObjectCodable>(_ key: String, _ values: [Value]?) {
        if let values { append(key, .array(values.map(\.json))) }
    }

    /// Writes an array of strings.
    public mutating func write(_ key: String, _ values: [String]?) {
        if let values { append(key, .array(values.map { .string($0) })) }
    }

    /// Writes an array of integers.
    public mutating func write(_ key: String, _ values: [Int]?) {
        if let values { append(key, .array(values.map { .number(Double($0)) })) }
    }

    /// Writes an array of enumeration values with their exact spellings.
    public mutating func write<Value: OCPPEnumeration>(_ key: String, _ values: [Value]?) {
        if let values { append(key, .array(values.map { .string($0.spelling) })) }
    }

    /// Writes a JSON value as it is: the vendor's own properties of OCPP 2.0.1's `customData`.
    public mutating func write(_ key: String, json value: JSONValue?) {
        if let value { append(key, value) }
    }

    /// Rounds half away from zero to one decimal; the result is the double nearest that
    /// decimal, which the JSON writer prints with one decimal.
    public static func roundedToTenth(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        let rounded = (value * 10).rounded() / 10
        return rounded == 0 ? 0 : rounded
    }
}
