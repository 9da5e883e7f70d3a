import HTTPClient
import MQTTLink
import Modbus
import Transport

/// Makes the running sources of a configuration, on the event loops of `group`: one HTTP client
/// shared by the HTTP sources that trust the system's CA store, one per trust file, and one
/// `AddressCache` for all of them, HTTP and Modbus (a device's name is resolved once, and again
/// after a failure or five minutes, not on every read).
public struct SourceFactory: Sendable {
    public let group: EventLoopGroup

    public init(group: EventLoopGroup) {
        self.group = group
    }

    /// The sources, by name; throws a trust file that cannot be loaded, naming its key
    /// (`sources.inverter.ca: /etc/ca.pem: no such file`). MQTT sources share `mqtt`, the client
    /// of the `mqtt` section (the configuration refuses an MQTT source without one).
    public func makeSources(_ configurations: [String: SourceConfiguration], mqtt: MQTTClient? = nil)
        throws(TLSConfigurationError) -> [any InputSource]
    {
        let addresses = AddressCache()
        let shared = HTTPClient(group: group, addressCache: addresses)
        var sources: [any InputSource] = []
        for (name, configuration) in configurations.sorted(by: { $0.key < $1.key }) {
            switch configuration {
            case .http(let http):
                var client = shared
                if let path = http.trustedCertificatesPath {
                    let tls = try ClientTLSContext(trustedCertificatesPath: path, setting: "sources.\(name).ca")
                    client = HTTPClient(group: group, tls: tls, addressCache: addresses)
                }
                sources.append(HTTPSource(name: name, configuration: http, client: client))
            case .modbus(let modbus):
                let client = ModbusClient(
                    group: group, host: modbus.host, port: modbus.port, timeout: modbus.timeout, addressCache: addresses
                )
                sources.append(ModbusSource(name: name, configuration: modbus, client: client))
            case .mqtt(let configuration):
                guard let mqtt else { preconditionFailure("an MQTT source needs the mqtt section") }
                sources.append(MQTTSource(name: name, configuration: configuration, client: mqtt))
            }
        }
        return sources
    }
}
