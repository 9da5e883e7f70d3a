/// Why the session wants its connection closed; the owner closes it and reconnects later.
public enum MQTTSessionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case refused(MQTTConnectReturnCode)
    case connackTimeout
    case keepAliveTimeout
    case protocolViolation(String)
    case malformed(MQTTDecodeError)

    public var description: String {
        switch self {
        case .refused(let code): "the broker refused the connection: \(code.explanation)"
        case .connackTimeout: "the broker did not answer CONNECT"
        case .keepAliveTimeout: "the broker did not answer a PINGREQ within the keep-alive"
        case .protocolViolation(let what): "protocol violation: \(what)"
        case .malformed(let error): "malformed packet: \(error)"
        }
    }
}
