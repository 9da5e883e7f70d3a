/// Why a broker URL cannot be used.
public struct MQTTBrokerAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
