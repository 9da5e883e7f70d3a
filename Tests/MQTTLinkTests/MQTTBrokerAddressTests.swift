import Testing

@testable import MQTTLink

@Suite struct MQTTBrokerAddressTests {
    @Test(arguments: [
        ("mqtt://127.0.0.1:1883", "127.0.0.1", 1883, false),
        ("mqtt://broker.local", "broker.local", 1883, false),
        ("mqtts://broker.local", "broker.local", 8883, true),
        ("mqtts://broker.local:8884/", "broker.local", 8884, true),
        ("mqtt://[::1]:1884", "::1", 1884, false),
    ])
    func parsesTheSchemeHostAndPort(url: String, host: String, port: Int, tls: Bool) throws {
        let address = try MQTTBrokerAddress(url: url)
        #expect(address == MQTTBrokerAddress(host: host, port: port, usesTLS: tls))
    }

    @Test(arguments: [
        "tcp://broker:1883", "mqtt://", "mqtt://broker:0", "mqtt://broker:70000", "mqtt://user:pw@broker",
        "mqtt://broker/topic", "broker:1883",
    ])
    func refusesWhatIsNotABrokerURL(url: String) {
        #expect(throws: MQTTBrokerAddressError.self) { try MQTTBrokerAddress(url: url) }
    }

    @Test func theDescriptionIsTheURL() throws {
        #expect(try MQTTBrokerAddress(url: "mqtts://[::1]").description == "mqtts://[::1]:8883")
    }
}
