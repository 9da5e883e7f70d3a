/// One configuration key in a GetConfiguration confirmation.
public struct KeyValue: OCPPObjectCodable {
    public var key: String
    public var readonly: Bool
    /// Absent when the key is known but has no value.
    public var value: String?

    public init(key: String, readonly: Bool, value: String? = nil) {
        self.key = key
        self.readonly = readonly
        self.value = value
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        key = try reader.string("key", maxLength: 50)
        readonly = try reader.boolean("readonly")
        value = try reader.optionalString("value", maxLength: 500)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("key", key)
        writer.write("readonly", readonly)
        writer.write("value", value)
    }
}
