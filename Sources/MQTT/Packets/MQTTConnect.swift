/// A CONNECT packet (MQTT 3.1.1 §3.1).
public struct MQTTConnect: Sendable, Hashable {
    public var clientId: String
    public var cleanSession: Bool
    /// Seconds; 0 turns keep-alive off.
    public var keepAliveSeconds: UInt16
    public var will: MQTTWill?
    public var username: String?
    public var password: [UInt8]?

    public init(
        clientId: String, cleanSession: Bool = true, keepAliveSeconds: UInt16 = 30, will: MQTTWill? = nil,
        username: String? = nil, password: [UInt8]? = nil
    ) {
        self.clientId = clientId
        self.cleanSession = cleanSession
        self.keepAliveSeconds = keepAliveSeconds
        self.will = will
        self.username = username
        self.password = password
    }
}
