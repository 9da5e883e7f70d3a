/// The broker's answer to CONNECT (MQTT 3.1.1 §3.2.2.3, table 3.1).
public enum MQTTConnectReturnCode: Sendable, Hashable {
    case accepted
    case unacceptableProtocolVersion
    case identifierRejected
    case serverUnavailable
    case badUserNameOrPassword
    case notAuthorized
    /// 6 to 255 are reserved; a broker that sends one is still refusing.
    case reserved(UInt8)

    public init(rawValue: UInt8) {
        switch rawValue {
        case 0: self = .accepted
        case 1: self = .unacceptableProtocolVersion
        case 2: self = .identifierRejected
        case 3: self = .serverUnavailable
        case 4: self = .badUserNameOrPassword
        case 5: self = .notAuthorized
        default: self = .reserved(rawValue)
        }
    }

    public var rawValue: UInt8 {
        switch self {
        case .accepted: 0
        case .unacceptableProtocolVersion: 1
        case .identifierRejected: 2
        case .serverUnavailable: 3
        case .badUserNameOrPassword: 4
        case .notAuthorized: 5
        case .reserved(let value): value
        }
    }

    /// Words for the log.
    public var explanation: String {
        switch self {
        case .accepted: "accepted"
        case .unacceptableProtocolVersion: "the broker does not speak MQTT 3.1.1"
        case .identifierRejected: "the broker rejected the client id"
        case .serverUnavailable: "the broker is unavailable"
        case .badUserNameOrPassword: "bad user name or password"
        case .notAuthorized: "not authorized"
        case .reserved(let value): "refused with reserved code \(value)"
        }
    }
}
