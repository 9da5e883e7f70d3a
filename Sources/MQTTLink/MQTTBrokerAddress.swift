/// Where the broker is: `mqtt://HOST:PORT` (plain TCP, port 1883 by default) or
/// `mqtts://HOST:PORT` (TLS, 8883 by default; the IANA-registered MQTT ports). An IPv6 host is
/// written in brackets (`mqtt://[::1]:1883`).
public struct MQTTBrokerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var usesTLS: Bool

    public init(host: String, port: Int, usesTLS: Bool) {
        self.host = host
        self.port = port
        self.usesTLS = usesTLS
    }

    /// Parses a broker URL; the error says what is wrong in words for the configuration message.
    public init(url: String) throws(MQTTBrokerAddressError) {
        let usesTLS: Bool
        let rest: Substring
        if url.hasPrefix("mqtt://") {
            usesTLS = false
            rest = url.dropFirst("mqtt://".count)
        } else if url.hasPrefix("mqtts://") {
            usesTLS = true
            rest = url.dropFirst("mqtts://".count)
        } else {
            throw MQTTBrokerAddressError("expected mqtt://HOST:PORT or mqtts://HOST:PORT")
        }
        var authority = rest
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        if authority.contains("/") || authority.contains("@") || authority.contains("?") {
            throw MQTTBrokerAddressError(
                "expected only HOST:PORT after the scheme (credentials go in username and password)")
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw MQTTBrokerAddressError("unclosed [ in the host")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw MQTTBrokerAddressError("expected :PORT after ]") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw MQTTBrokerAddressError("the host is missing") }
        var port = usesTLS ? 8883 : 1883
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else {
                throw MQTTBrokerAddressError("the port must be a number from 1 to 65535")
            }
            port = value
        }
        self.init(host: String(host), port: port, usesTLS: usesTLS)
    }

    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(usesTLS ? "mqtts" : "mqtt")://\(shownHost):\(port)"
    }
}
