import Foundation

/// Reads the fields of one JSON object of an OCPP payload and holds them to the schema.
///
/// Every message type decodes itself with one call per field (`string(_:maxLength:)`,
/// `dateTime(_:)`, `enumeration(_:)`, ...), so the rules of the schemas live here once: JSON
/// types, lengths, formats, enumerations, `multipleOf 0.1`, nested objects and arrays, and
/// (in `finish()`) properties the schema does not define. Errors carry the field's path;
/// in lenient mode the tolerated faults are collected in `warnings`.
public struct OCPPObjectReader {
    /// The object being read.
    public let object: JSONObject
    /// The path of the object itself (`meterValue[0]`), empty for the payload.
    public let path: String
    public let mode: OCPPValidationMode
    /// What a lenient decoding tolerated so far, here and in nested objects.
    public private(set) var warnings: [OCPPValidationWarning] = []
    private var readKeys: [String] = []

    public init(object: JSONObject, path: String, mode: OCPPValidationMode) {
        self.object = object
        self.path = path
        self.mode = mode
    }

    /// The path of a field of this object.
    public func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Checks for properties that no field read: an error in strict mode, a warning otherwise.
    public mutating func finish() throws(OCPPValidationError) {
        for (key, _) in object where !readKeys.contains(key) {
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

    public mutating func string(_ key: String, maxLength: Int? = nil) throws(OCPPValidationError) -> String {
        try readString(required(key), at: path(of: key), maxLength: maxLength)
    }

    public mutating func optionalString(_ key: String, maxLength: Int? = nil) throws(OCPPValidationError) -> String? {
        guard let value = try optional(key) else { return nil }
        return try readString(value, at: path(of: key), maxLength: maxLength)
    }

    public mutating func integer(_ key: String) throws(OCPPValidationError) -> Int {
        try readInteger(required(key), at: path(of: key))
    }

    public mutating func optionalInteger(_ key: String) throws(OCPPValidationError) -> Int? {
        guard let value = try optional(key) else { return nil }
        return try readInteger(value, at: path(of: key))
    }

    /// A number that must be a multiple of 0.1 (the schemas' limits and rates).
    public mutating func decimal(_ key: String) throws(OCPPValidationError) -> Double {
        try readDecimal(required(key), at: path(of: key))
    }

    public mutating func optionalDecimal(_ key: String) throws(OCPPValidationError) -> Double? {
        guard let value = try optional(key) else { return nil }
        return try readDecimal(value, at: path(of: key))
    }

    public mutating func boolean(_ key: String) throws(OCPPValidationError) -> Bool {
        try readBoolean(required(key), at: path(of: key))
    }

    public mutating func optionalBoolean(_ key: String) throws(OCPPValidationError) -> Bool? {
        guard let value = try optional(key) else { return nil }
        return try readBoolean(value, at: path(of: key))
    }

    public mutating func dateTime(_ key: String) throws(OCPPValidationError) -> Date {
        try readDateTime(required(key), at: path(of: key))
    }

    public mutating func optionalDateTime(_ key: String) throws(OCPPValidationError) -> Date? {
        guard let value = try optional(key) else { return nil }
        return try readDateTime(value, at: path(of: key))
    }

    /// A string with `format: uri`.
    public mutating func uri(_ key: String) throws(OCPPValidationError) -> String {
        try readURI(required(key), at: path(of: key))
    }

    public mutating func optionalURI(_ key: String) throws(OCPPValidationError) -> String? {
        guard let value = try optional(key) else { return nil }
        return try readURI(value, at: path(of: key))
    }

    public mutating func enumeration<Value: OCPPEnumeration>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value {
        try readEnumeration(required(key), at: path(of: key))
    }

    public mutating func optionalEnumeration<Value: OCPPEnumeration>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value? {
        guard let value = try optional(key) else { return nil }
        return try readEnumeration(value, at: path(of: key)) as Value
    }

    public mutating func object<Value: OCPPObjectCodable>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value {
        try readObject(required(key), at: path(of: key)) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    public mutating func optionalObject<Value: OCPPObjectCodable>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> Value? {
        guard let value = try optional(key) else { return nil }
        return try readObject(value, at: path(of: key)) { reader throws(OCPPValidationError) in
            try Value(from: &reader)
        }
    }

    public mutating func array<Value: OCPPObjectCodable>(
        _ key: String, minItems: Int = 0, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value] {
        try array(key, minItems: minItems) { reader throws(OCPPValidationError) in try Value(from: &reader) }
    }

    public mutating func optionalArray<Value: OCPPObjectCodable>(
        _ key: String, minItems: Int = 0, of type: Value.Type = Value.self
    ) throws(OCPPValidationError) -> [Value]? {
        try optionalArray(key, minItems: minItems) { reader throws(OCPPValidationError) in try Value(from: &reader) }
    }

    /// An array of objects read by `element`, for types whose schema differs by message.
    public mutating func array<Value>(
        _ key: String, minItems: Int = 0,
        element: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value] {
        let fieldPath = path(of: key)
        return try readArray(required(key), at: fieldPath, minItems: minItems) {
            (reader: inout OCPPObjectReader, item, itemPath) throws(OCPPValidationError) in
            try reader.readObject(item, at: itemPath, element)
        }
    }

    public mutating func optionalArray<Value>(
        _ key: String, minItems: Int = 0,
        element: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: path(of: key), minItems: minItems) {
            (reader: inout OCPPObjectReader, item, itemPath) throws(OCPPValidationError) in
            try reader.readObject(item, at: itemPath, element)
        }
    }

    public mutating func stringArray(_ key: String, maxLength: Int? = nil) throws(OCPPValidationError) -> [String] {
        try readArray(required(key), at: path(of: key), minItems: 0) {
            (reader: inout OCPPObjectReader, item, itemPath) throws(OCPPValidationError) in
            try reader.readString(item, at: itemPath, maxLength: maxLength)
        }
    }

    public mutating func optionalStringArray(
        _ key: String, maxLength: Int? = nil
    ) throws(OCPPValidationError) -> [String]? {
        guard let value = try optional(key) else { return nil }
        return try readArray(value, at: path(of: key), minItems: 0) {
            (reader: inout OCPPObjectReader, item, itemPath) throws(OCPPValidationError) in
            try reader.readString(item, at: itemPath, maxLength: maxLength)
        }
    }

    // MARK: Presence

    private mutating func required(_ key: String) throws(OCPPValidationError) -> JSONValue {
        readKeys.append(key)
        guard let value = object[key] else {
            throw OCPPValidationError(
                code: .occurenceConstraintViolation, path: path(of: key), reason: "required property is missing")
        }
        return value
    }

    private mutating func optional(_ key: String) throws(OCPPValidationError) -> JSONValue? {
        readKeys.append(key)
        guard let value = object[key] else { return nil }
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

    private func typeMismatch(_ value: JSONValue, expected: String, at path: String) -> OCPPValidationError {
        OCPPValidationError(
            code: .typeConstraintViolation, path: path, reason: "expected \(expected), got \(value.typeDescription)")
    }

    private func invalid(_ path: String, _ reason: String) -> OCPPValidationError {
        OCPPValidationError(code: .propertyConstraintViolation, path: path, reason: reason)
    }

    private mutating func readString(
        _ value: JSONValue, at path: String, maxLength: Int?
    ) throws(OCPPValidationError) -> String {
        let string: String
        switch value {
        case .string(let text):
            string = text
        case .number(let number) where mode == .lenient:
            var digits: [UInt8] = []
            JSONWriter.writeNumber(number, to: &digits)
            string = String(decoding: digits, as: UTF8.self)
            warn(path, "number \(string) read as a string")
        default:
            throw typeMismatch(value, expected: "a string", at: path)
        }
        if let maxLength {
            let length = string.unicodeScalars.count
            if length > maxLength {
                guard mode == .lenient else {
                    throw invalid(path, "\(length) characters, longer than the maximum of \(maxLength)")
                }
                warn(path, "\(length) characters accepted, longer than the maximum of \(maxLength)")
            }
        }
        return string
    }

    private mutating func readInteger(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> Int {
        switch value {
        case .number:
            if let integer = value.intValue { return integer }
            throw typeMismatch(value, expected: "an integer", at: path)
        case .string(let text) where mode == .lenient:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let integer = Int(trimmed) ?? Double(trimmed).flatMap({ JSONValue.number($0).intValue }) {
                warn(path, "string \"\(text)\" read as an integer")
                return integer
            }
            throw OCPPValidationError(
                code: .typeConstraintViolation, path: path, reason: "expected an integer, got \"\(text)\"")
        default:
            throw typeMismatch(value, expected: "an integer", at: path)
        }
    }

    private mutating func readNumber(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> Double {
        switch value {
        case .number(let number):
            return number
        case .string(let text) where mode == .lenient:
            if let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite {
                warn(path, "string \"\(text)\" read as a number")
                return number
            }
            throw OCPPValidationError(
                code: .typeConstraintViolation, path: path, reason: "expected a number, got \"\(text)\"")
        default:
            throw typeMismatch(value, expected: "a number", at: path)
        }
    }

    private mutating func readDecimal(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> Double {
        let number = try readNumber(value, at: path)
        if !Self.isMultipleOfTenth(number) {
            guard mode == .lenient else { throw invalid(path, "\(number) is not a multiple of 0.1") }
            warn(path, "\(number) accepted, not a multiple of 0.1")
        }
        return number
    }

    /// `multipleOf 0.1` with a tolerance: 0.1 has no exact binary form, so 2.3 is 22.999...
    /// tenths.
    static func isMultipleOfTenth(_ number: Double) -> Bool {
        let tenths = number * 10
        return abs(tenths - tenths.rounded()) <= 1e-9 * max(1, abs(tenths))
    }

    private mutating func readBoolean(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> Bool {
        switch value {
        case .bool(let flag):
            return flag
        case .string(let text) where mode == .lenient && (text == "true" || text == "false"):
            warn(path, "string \"\(text)\" read as a boolean")
            return text == "true"
        default:
            throw typeMismatch(value, expected: "a boolean", at: path)
        }
    }

    private mutating func readDateTime(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> Date {
        guard case .string(let text) = value else {
            throw typeMismatch(value, expected: "a date-time string", at: path)
        }
        if let date = OCPPDateTime.parse(text) { return date }
        if mode == .lenient, let date = OCPPDateTime.parse(text, requiringOffset: false) {
            warn(path, "date-time \"\(text)\" without an offset read as UTC")
            return date
        }
        throw invalid(path, "\"\(text)\" is not an RFC 3339 date-time")
    }

    private mutating func readURI(_ value: JSONValue, at path: String) throws(OCPPValidationError) -> String {
        let text = try readString(value, at: path, maxLength: nil)
        if !Self.isURI(text) {
            guard mode == .lenient else { throw invalid(path, "\"\(text)\" is not a URI") }
            warn(path, "\"\(text)\" accepted, not a URI")
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
        _ value: JSONValue, at path: String
    ) throws(OCPPValidationError) -> Value {
        guard case .string(let text) = value else { throw typeMismatch(value, expected: "a string", at: path) }
        if let known = Value.known(text) { return known }
        guard mode == .lenient else {
            let allowed = Value.spellings.map(\.spelling).joined(separator: ", ")
            throw invalid(path, "\"\(text)\" is not one of \(allowed)")
        }
        let lowered = text.lowercased()
        for entry in Value.spellings where entry.spelling.lowercased() == lowered {
            warn(path, "\"\(text)\" read as \"\(entry.spelling)\"")
            return entry.value
        }
        warn(path, "unknown value \"\(text)\" kept")
        return Value.unrecognized(text)
    }

    private mutating func readObject<Value>(
        _ value: JSONValue, at path: String, _ decode: (inout OCPPObjectReader) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> Value {
        guard case .object(let object) = value else { throw typeMismatch(value, expected: "an object", at: path) }
        var reader = OCPPObjectReader(object: object, path: path, mode: mode)
        let decoded = try decode(&reader)
        try reader.finish()
        warnings.append(contentsOf: reader.warnings)
        return decoded
    }

    private mutating func readArray<Value>(
        _ value: JSONValue, at path: String, minItems: Int,
        _ element: (inout OCPPObjectReader, JSONValue, String) throws(OCPPValidationError) -> Value
    ) throws(OCPPValidationError) -> [Value] {
        guard case .array(let items) = value else { throw typeMismatch(value, expected: "an array", at: path) }
        guard items.count >= minItems else {
            throw OCPPValidationError(
                code: .occurenceConstraintViolation, path: path,
                reason: "at least \(minItems) item\(minItems == 1 ? "" : "s") required, got \(items.count)")
        }
        var result: [Value] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(&self, item, "\(path)[\(index)]"))
        }
        return result
    }
}
