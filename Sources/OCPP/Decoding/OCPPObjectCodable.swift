import JSON

/// A JSON object of an OCPP 1.6 or 2.0.1 payload (a whole payload or a nested type such as
/// `ChargingProfile`), decoded with validation and encoded to schema-valid JSON.
public protocol OCPPObjectCodable: Sendable, Hashable {
    /// Reads and validates the fields; `reader` reports properties left unread afterwards.
    init(from reader: inout OCPPObjectReader) throws(OCPPValidationError)
    /// Writes the fields; values are normalised so the result always matches the schema.
    func encode(to writer: inout OCPPObjectWriter)
}

extension OCPPObjectCodable {
    /// Decodes and validates a payload object.
    public static func decode(
        _ object: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<Self> {
        var reader = OCPPObjectReader(object: object, path: "", mode: mode)
        let value = try Self(from: &reader)
        try reader.finish()
        return OCPPDecoded(value: value, warnings: reader.warnings)
    }

    /// Decodes and validates a payload that must be a JSON object.
    public static func decode(
        _ value: JSONValue, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<Self> {
        guard case .object(let object) = value else {
            throw OCPPValidationError(
                code: .typeConstraintViolation, path: "",
                reason: "the payload must be an object, got \(value.typeDescription)")
        }
        return try decode(object, mode: mode)
    }

    /// Checks a value built in code against its schema (strict), by encoding and decoding it:
    /// encoding normalises decimals and dates, but cannot shorten an over-long string or fix
    /// an unrecognized enumeration value, so a caller about to send a request can ask first.
    public func validate() throws(OCPPValidationError) {
        _ = try Self.decode(jsonObject, mode: .strict)
    }

    /// The value as a JSON object.
    public var jsonObject: JSONObject {
        var writer = OCPPObjectWriter()
        encode(to: &writer)
        return writer.object
    }

    /// The value as JSON.
    public var json: JSONValue { .object(jsonObject) }
}
