/// ChangeConfiguration.req: Sent by the central system; sets one configuration key.
public struct ChangeConfigurationRequest: OCPPRequest {
    public typealias Confirmation = ChangeConfigurationConfirmation
    public static let action = OCPPAction.changeConfiguration

    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        key = try reader.string("key", maxLength: 50)
        value = try reader.string("value", maxLength: 500)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("key", key)
        writer.write("value", value)
    }
}

/// ChangeConfiguration.conf: the answer to `ChangeConfigurationRequest`.
public struct ChangeConfigurationConfirmation: OCPPPayload {
    public var status: ConfigurationStatus

    public init(status: ConfigurationStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
