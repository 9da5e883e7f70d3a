/// GetConfiguration.req: Sent by the central system; reads configuration keys (all of them when `key` is absent).
public struct GetConfigurationRequest: OCPPRequest {
    public typealias Confirmation = GetConfigurationConfirmation
    public static let action = OCPPAction.getConfiguration

    public var key: [String]?

    public init(key: [String]? = nil) {
        self.key = key
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        key = try reader.optionalStringArray("key", maxLength: 50)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("key", key)
    }
}

/// GetConfiguration.conf: the answer to `GetConfigurationRequest`.
public struct GetConfigurationConfirmation: OCPPPayload {
    public var configurationKey: [KeyValue]?
    public var unknownKey: [String]?

    public init(configurationKey: [KeyValue]? = nil, unknownKey: [String]? = nil) {
        self.configurationKey = configurationKey
        self.unknownKey = unknownKey
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        configurationKey = try reader.optionalArray("configurationKey")
        unknownKey = try reader.optionalStringArray("unknownKey", maxLength: 50)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("configurationKey", configurationKey)
        writer.write("unknownKey", unknownKey)
    }
}
