import Foundation
import JSON

/// Reads the fields of one JSON object of an OCPP payload and holds them to the schema.
///
/// Every message type of OCPP 1.6 and 2.0.1 decodes itself with one call per field
/// (`string(_:maxLength:)`, `dateTime(_:)`, `enumeration(_:)`, ...), so the rules of the schemas
/// live here once: JSON types, lengths, formats, enumerations, bounds, `multipleOf 0.1`, nested
/// objects and arrays with their item counts, and (in `finish()`) properties the schema does not
/// define. Errors carry the field's path; in lenient mode the tolerated faults are collected in
/// `warnings`.
public struct OCPPObjectReader {
    /// The object being read.
    public let object: JSONObject
    /// The path of the object itself (`meterValue[0]`), empty for the payload.
    public let path: String
    public let mode: OCPPValidationMode
    /// What a lenient decoding tolerated so far, here and in nested objects.
    public private(set) var warnings: [OCPPValidationWarning] = []
    /// Bit i set: entry i of `object` was read by a field. No schema object has more than 14
    /// properties (the generator for 2.0.1 checks), so an entry past the 64th is an extra property
    /// whatever it is.
    private var consumed: UInt64 = 0
    /// Set by `unreadProperties()`: the object's schema allows any property, and its type kept them.
    private var keepsUnreadProperties = false

    public init(object: JSONObject, path: String, mode: OCPPValidationMode) {
        self.object = object
        self.path = path
        self.mode = mode
    }

    /// The path of a field of this object, as errors and warnings name it.
    public func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Checks for properties that no field read: an error in strict mode, a warning otherwise.
    public mutating func finish() throws(OCPPValidationError) {
        guard !keepsUnreadProperties else { return }
        for (index, entry) in object.entries.enumerated() where index >= 64 || consumed & (1 << index) == 0 {
            let key = entry.key
            if mode == .lenient {
                warn(path(of: key), "unexpected property ignored")
            } else {
                throw OCPPValidationError(
                    code: .formationViolation, path: path(of: key), reason: "property is not allowed")
            }
        }
    }

    /// Reports a value a type's own rule forbids (beyond what the field readers check):
    /// `PropertyConstraintViolation` in strict mode, a warning in lenient mode.
    public mutating func violation(at key: String, _ reason: String) throws(OCPPValidationError) {
        guard mode == .lenient else { throw invalid(path(of: key), reason) }
        warn(path(of: key), "accepted: \(reason)")
    }

    // MARK: Fields

    /// A required string; longer than `maxLength` characters (Unicode scalars, as JSON
    /// Schema counts them) is a violation.
    public mutating func string(_ key: String, maxLength: Int? = nil) throws(OCPPValidationError) -> String {
        try readString(required(key), at: field(key), maxLength: maxLength)
    }

    /// An optional string: `nil` when absent.
    public mutating func optionalString(_ key: String, maxLength: Int? = nil) throws(OCPPValidationError) -> String? {
        guard let value = try optional(key) else { return nil }
        return try readString(value, at: field(key), maxLength: maxLength)
    }

    /// A required integer: a JSON number without a fraction.
    public mutating func integer(_ key: String) throws(OCPPValidationError) -> Int {
        try readInteger(required(key), at: field(key))
    }

    /// An optional integer: `nil` when absent.
    public mutating func optionalInteger(_ key: String) throws(OCPPValidationError) -> Int? {
        guard let value = try optional(key) else { return nil }
        return try readInteger(value, at: field(key))
    }

    /// A required integer of at least `minimum`: the bounds the OCPP 1.6 field tables set where
    /// the JSON schemas say only "integer" (`connectorId > 0` in StartTransaction.req). Below it is
    /// a violation: `PropertyConstraintViolation` in strict mode, a warning in lenient mode.
    public mutating func integer(_ key: String, atLeast minimum: Int) throws(OCPPValidationError) -> Int {
        try bounded(integer(key), at: key, minimum: minimum, maximum: nil)
    }

    /// The optional form of `integer(_:atLeast:)`.
    public mutating func optionalInteger(_ key: String, atLeast minimum: Int) throws(OCPPValidationError) -> Int? {
        guard let value = try optionalInteger(key) else { return nil }
        return try bounded(value, at: key, minimum: minimum, maximum: nil)
    }

    /// A required integer within `minimum...maximum` (a schema's `minimum` and `maximum`, as the
    /// 2.0.1 schemas set for a state of charge); outside is a violation as for `integer(_:atLeast:)`.
    public mutating func integer(
        _ key: String, atLeast minimum: Int, atMost maximum: Int
    ) throws(OCPPValidationError) -> Int {
        try bounded(integer(key), at: key, minimum: minimum, maximum: maximum)
    }

    /// The optional form of `integer(_:atLeast:atMost:)`.
    public mutating func optionalInteger(
        _ key: String, atLeast minimum: Int, atMost maximum: Int
    ) throws(OCPPValidationError) -> Int? {
        guard let value = try optionalInteger(key) else { return nil }
        return try bounded(value, at: key, minimum: minimum, maximum: maximum)
    }

    private mutating func bounded(
        _ value: Int, at key: String, minimum: Int, maximum: Int?
    ) throws(OCPPValidationError) -> Int {
        if value < minimum { try violation(at: key, "\(value) is below the minimum of \(minimum)") }
        if let maximum, value > maximum { try violation(at: key, "\(value) is above the maximum of \(maximum)") }
        return value
    }

    /// A required number of any value (the `number` of the OCPP 2.0.1 schemas, which set no
    /// `multipleOf`: limits, meter readings, costs).
    public mutating func number(_ key: String) throws(OCPPValidationError) -> Double {
        try readNumber(required(key), at: field(key))
    }

    /// An optional number: `nil` when absent.
    public mutating func optionalNumber(_ key: String) throws(OCPPValidationError) -> Double? {
        guard let value = try optional(key) else { return nil }
        return try readNumber(value, at: field(key))
    }

    /// A number that must be a multiple of 0.1 (the schemas' limits and rates).
    public mutating func decimal(_ key: String) throws(OCPPValidationError) -> Double {
        try readDecimal(required(key), at: field(key))
    }

    /// An optional multiple of 0.1: `nil` when absent.
    public mutating func optionalDecimal(_ key: String) throws(OCPPValidationError) -> Double? {
        guard let value = try optional(key) else { return nil }
        return try readDecimal(value, at: field(key))
    }

    /// A required boolean.
    public mutating func boolean(_ key: String) throws(OCPPValidationError) -> Bool {
        try readBoolean(required(key), at: field(key))
    }

    /// An optional boolean: `nil` when absent.
    public mutating func optionalBoolean(_ key: String) throws(OCPPValidationError) -> Bool? {
        guard let value = try optional(key) else { return nil }
        return try readBoolean(value, at: field(key))
    }

    /// A required value of any JSON type (a property whose schema names no type, as 2.0.1's
    /// DataTransfer `data`), kept as it is; `null` is a value here, not an absent property.
    public mutating func value(_ key: String) throws(OCPPValidationError) -> JSONValue {
        try required(key)
    }

    /// An optional value of any JSON type: `nil` when absent.
    public mutating func optionalValue(_ key: String) throws(OCPPValidationError) -> JSONValue? {
        lookup(key)
    }

    /// A required RFC 3339 date-time.
    public mutating func dateTime(_ key: String) throws(OCPPValidationError) -> Date {
        try readDateTime(required(key), at: field(key))
    }

    /// An optional RFC 3339 date-time: `nil` when absent.
    public mutating func optionalDateTime(_ key: String) throws(OCPPValidationError) -> Date? {
        guard let value = try optional(key) else { return nil }
        return try readDateTime(value, at: field(key))
    }

    /// A string with `format: uri`.
    public mutating func uri(_ key: String) throws(OCPPValidationError) -> String {
        try readURI(required(key), at: field(key))
    }

    /// An optional URI: `nil` when absent.
    public mutating func optionalURI(_ key: String) throws(OCPPValidationError) -> String? {
        guard let value = try optional(key) else { return nil }
        return try readURI(value, at: field(key))
    }

    /// A required value of an OCPP enumeration, spelled exactly.
    public mutating func enumeration<Value: OCPPEnumeration>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value {
        try readEnumeration(required(key), at: field(key))
    }

    /// An optional value of an OCPP enumeration: `nil` when absent.
    public mutating func optionalEnumeration<Value: OCPPEnumeration>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value? {
        guard let value = try optional(key) else { return nil }
        return try readEnumeration(value, at: field(key)) as Value
    }

    /// A required nested object, read with its own reader (its path is `key`).
    public mutating func object<Value: OCPPObjectCodable>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value {
        try readObject(required(key), at: field(key)) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    /// An optional nested object: `nil` when absent.
    public mutating func optionalObject<Value: OCPPObjectCodable>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value? {
        guard let value = try optional(key) else { return nil }
        return try readObject(value, at: field(key)) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    /// A required array of objects with `minItems` to `maxItems` items (paths `key[i]`).
    public mutating func array<Value: OCPPObjectCodable>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value] {
        try array(key, minItems: minItems, maxItems: maxItems) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    /// An optional array of objects: `nil` when absent.
    public mutating func optionalArray<Value: OCPPObjectCodable>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value]? {
        try optionalArray(key, minItems: minItems, maxItems: maxItems) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    /// An array of objects read by `element`, for types whose schema differs by message.
    public mutating func array<Value>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil,
        element: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value] {
        try readArray(required(key), at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readObject(item, at: itemLocation, element)
        }
    }

    /// The optional form of `array(_:minItems:maxItems:element:)`.
    public mutating func optionalArray<Value>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil,
        element: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readObject(item, at: itemLocation, element)
        }
    }

    /// A required array of strings, each at most `maxLength` characters.
    public mutating func stringArray(
        _ key: String, maxLength: Int? = nil, minItems: Int = 0, maxItems: Int? = nil
    ) throws(OCPPValidationError) -> [String] {
        try readArray(required(key), at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readString(item, at: itemLocation, maxLength: maxLength)
        }
    }

    /// An optional array of strings: `nil` when absent.
    public mutating func optionalStringArray(
        _ key: String, maxLength: Int? = nil, minItems: Int = 0, maxItems: Int? = nil
    ) throws(OCPPValidationError) -> [String]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readString(item, at: itemLocation, maxLength: maxLength)
        }
    }

    /// A required array of integers.
    public mutating func integerArray(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil
    ) throws(OCPPValidationError) -> [Int] {
        try readArray(required(key), at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readInteger(item, at: itemLocation)
        }
    }

    /// An optional array of integers: `nil` when absent.
    public mutating func optionalIntegerArray(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil
    ) throws(OCPPValidationError) -> [Int]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) in
            try reader.readInteger(item, at: itemLocation)
        }
    }

    /// A required array of values of an OCPP enumeration.
    public mutating func enumerationArray<Value: OCPPEnumeration>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value] {
        try readArray(required(key), at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) -> Value in
            try reader.readEnumeration(item, at: itemLocation)
        }
    }

    /// An optional array of values of an OCPP enumeration: `nil` when absent.
    public mutating func optionalEnumerationArray<Value: OCPPEnumeration>(
        _ key: String, minItems: Int = 0, maxItems: Int? = nil, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: field(key), minItems: minItems, maxItems: maxItems) {
            (reader: inout OCPPObjectReader, item, itemLocation) throws(OCPPValidationError) -> Value in
            try reader.readEnumeration(item, at: itemLocation)
        }
    }

    /// Every property no field has read, for an object whose schema lets any further property
    /// through (OCPP 2.0.1's `customData`, which vendors extend). Call it after the fields:
    /// `finish()` then finds nothing left over.
    public mutating func unreadProperties() -> JSONObject {
        var rest = JSONObject()
        for (index, entry) in object.entries.enumerated() where index >= 64 || consumed & (1 << index) == 0 {
            rest.appendUnchecked(entry.key, entry.value)
        }
        keepsUnreadProperties = true
        return rest
    }

    // MARK: Presence

    /// The value of `key`, marking its entry as read.
    private mutating func lookup(_ key: String) -> JSONValue? {
        for (index, entry) in object.entries.enumerated() where entry.key == key {
            if index < 64 { consumed |= 1 << index }
            return entry.value
        }
        return nil
    }

    /// Where the field `key` of this object sits.
    private func field(_ key: String) -> FieldLocation {
        FieldLocation(parent: path, key: key, index: 0)
    }

    private mutating func required(_ key: String) throws(OCPPValidationError) -> JSONValue {
        guard let value = lookup(key) else {
            throw OCPPValidationError(
                code: .occurenceConstraintViolation, path: path(of: key), reason: "required property is missing")
        }
        return value
    }

    private mutating func optional(_ key: String) throws(OCPPValidationError) -> JSONValue? {
        guard let value = lookup(key) else { return nil }
        if case .null = value, mode == .lenient {
            warn(path(of: key), "null read as an absent property")
            return nil
        }
        return value
    }

    // MARK: Values

    private mutating func warn(_ path: String, _ tolerated: String) {
        warnings.append(OCPPValidationWarning(path: path, tolerated: tolerated))
    }

    private func typeMismatch(_ value: JSONValue, expected: String, at location: FieldLocation) -> OCPPValidationError {
        OCPPValidationError(
            code: .typeConstraintViolation, path: location.path,
            reason: "expected \(expected), got \(value.typeDescription)")
    }

    private func invalid(_ path: String, _ reason: String) -> OCPPValidationError {
        OCPPValidationError(code: .propertyConstraintViolation, path: path, reason: reason)
    }

    private mutating func readString(
        _ value: JSONValue, at location: FieldLocation, maxLength: Int?
    ) throws(OCPPValidationError) -> String {
        let string: String
        switch value {
        case .string(let text):
            string = text
        case .number(let number) where mode == .lenient:
            var digits: [UInt8] = []
            JSONWriter.writeNumber(number, to: &digits)
            string = String(decoding: digits, as: UTF8.self)
            warn(location.path, "number \(string) read as a string")
        default:
            throw typeMismatch(value, expected: "a string", at: location)
        }
        if let maxLength {
            let length = string.unicodeScalars.count
            if length > maxLength {
                guard mode == .lenient else {
                    throw invalid(location.path, "\(length) characters, longer than the maximum of \(maxLength)")
                }
                warn(location.path, "\(length) characters accepted, longer than the maximum of \(maxLength)")
            }
        }
        return string
    }

    private mutating func readInteger(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Int {
        switch value {
        case .number:
            if let integer = value.intValue { return integer }
            throw typeMismatch(value, expected: "an integer", at: location)
        case .string(let text) where mode == .lenient:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let integer = Int(trimmed) ?? Double(trimmed).flatMap({ JSONValue.number($0).intValue }) {
                warn(location.path, "string \"\(text)\" read as an integer")
                return integer
            }
            throw OCPPValidationError(
                code: .typeConstraintViolation, path: location.path, reason: "expected an integer, got \"\(text)\"")
        default:
            throw typeMismatch(value, expected: "an integer", at: location)
        }
    }

    private mutating func readNumber(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Double {
        switch value {
        case .number(let number):
            return number
        case .string(let text) where mode == .lenient:
            if let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite {
                warn(location.path, "string \"\(text)\" read as a number")
                return number
            }
            throw OCPPValidationError(
                code: .typeConstraintViolation, path: location.path, reason: "expected a number, got \"\(text)\"")
        default:
            throw typeMismatch(value, expected: "a number", at: location)
        }
    }

    private mutating func readDecimal(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Double {
        let number = try readNumber(value, at: location)
        if !Self.isMultipleOfTenth(number) {
            guard mode == .lenient else { throw invalid(location.path, "\(number) is not a multiple of 0.1") }
            warn(location.path, "\(number) accepted, not a multiple of 0.1")
        }
        return number
    }

    /// `multipleOf 0.1` with a tolerance: 0.1 has no exact binary form, so 2.3 is 22.999...
    /// tenths.
    static func isMultipleOfTenth(_ number: Double) -> Bool {
        let tenths = number * 10
        return abs(tenths - tenths.rounded()) <= 1e-9 * max(1, abs(tenths))
    }

    private mutating func readBoolean(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Bool {
        switch value {
        case .bool(let flag):
            return flag
        case .string(let text) where mode == .lenient && (text == "true" || text == "false"):
            warn(location.path, "string \"\(text)\" read as a boolean")
            return text == "true"
        default:
            throw typeMismatch(value, expected: "a boolean", at: location)
        }
    }

    private mutating func readDateTime(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Date {
        guard case .string(let text) = value else {
            throw typeMismatch(value, expected: "a date-time string", at: location)
        }
        if let date = OCPPDateTime.parse(text) { return date }
        if mode == .lenient, let date = OCPPDateTime.parse(text, requiringOffset: false) {
            warn(location.path, "date-time \"\(text)\" without an offset read as UTC")
            return date
        }
        throw invalid(location.path, "\"\(text)\" is not an RFC 3339 date-time")
    }

    private mutating func readURI(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> String {
        let text = try readString(value, at: location, maxLength: nil)
        if !Self.isURI(text) {
            guard mode == .lenient else { throw invalid(location.path, "\"\(text)\" is not a URI") }
            warn(location.path, "\"\(text)\" accepted, not a URI")
        }
        return text
    }

    /// RFC 3986's outline: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a colon,
    /// and no whitespace or control characters.
    static func isURI(_ text: String) -> Bool {
        var sawColon = false
        var schemeLength = 0
        for byte in text.utf8 {
            if byte <= 0x20 || byte == 0x7F { return false }
            if sawColon { continue }
            switch byte {
            case UInt8(ascii: ":"):
                guard schemeLength > 0 else { return false }
                sawColon = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                schemeLength += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard schemeLength > 0 else { return false }
                schemeLength += 1
            default:
                return false
            }
        }
        return sawColon
    }

    private mutating func readEnumeration<Value: OCPPEnumeration>(
        _ value: JSONValue, at location: FieldLocation
    ) throws(OCPPValidationError) -> Value {
        guard case .string(let text) = value else { throw typeMismatch(value, expected: "a string", at: location) }
        if let known = Value.known(text) { return known }
        guard mode == .lenient else {
            let allowed = Value.spellings.map(\.spelling).joined(separator: ", ")
            throw invalid(location.path, "\"\(text)\" is not one of \(allowed)")
        }
        if let value = Value.spellings.value(spelledIgnoringCase: text) {
            warn(location.path, "\"\(text)\" read as \"\(value.spelling)\"")
            return value
        }
        warn(location.path, "unknown value \"\(text)\" kept")
        return Value.unrecognized(text)
    }

    private mutating func readObject<Value>(
        _ value: JSONValue, at location: FieldLocation,
        _ decode: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> Value {
        guard case .object(let object) = value else { throw typeMismatch(value, expected: "an object", at: location) }
        var reader = OCPPObjectReader(object: object, path: location.path, mode: mode)
        let decoded = try decode(&reader)
        try reader.finish()
        warnings.append(contentsOf: reader.warnings)
        return decoded
    }

    private mutating func readArray<Value>(
        _ value: JSONValue, at location: FieldLocation, minItems: Int, maxItems: Int?,
        _ element: (inout OCPPObjectReader, JSONValue, FieldLocation) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value] {
        guard case .array(let items) = value else { throw typeMismatch(value, expected: "an array", at: location) }
        let arrayPath = location.path
        guard items.count >= minItems else {
            throw OCPPValidationError(
                code: .occurenceConstraintViolation, path: arrayPath,
                reason: "at least \(minItems) item\(minItems == 1 ? "" : "s") required, got \(items.count)")
        }
        // Too many items is tolerated like an over-long string: nothing is missing, and nothing is lost.
        if let maxItems, items.count > maxItems {
            guard mode == .lenient else {
                throw OCPPValidationError(
                    code: .occurenceConstraintViolation, path: arrayPath,
                    reason: "at most \(maxItems) item\(maxItems == 1 ? "" : "s") allowed, got \(items.count)")
            }
            warn(arrayPath, "\(items.count) items accepted, more than the maximum of \(maxItems)")
        }
        var result: [Value] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(&self, item, FieldLocation(parent: arrayPath, key: nil, index: index)))
        }
        return result
    }
}
