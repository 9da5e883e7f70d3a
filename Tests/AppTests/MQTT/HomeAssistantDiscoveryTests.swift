import ChargingModel
import JSON
import Testing

@testable import App

@Suite struct HomeAssistantDiscoveryTests {
    private let discovery = HomeAssistantDiscovery(prefix: "homeassistant", names: MQTTTopicNames(base: "ampwise"))

    private func snapshot(_ id: String = "garage", connectors: [Int] = [1]) -> ChargerSnapshot {
        var snapshot = ChargerSnapshot(id: id)
        snapshot.identity = ChargerIdentity(vendor: "Wall Box Chargers", model: "PLP1", serialNumber: "88034")
        snapshot.connectors = connectors.map(ConnectorSnapshot.init(id:))
        return snapshot
    }

    @Test func everyEntityOfAConnectorWithItsDeviceAndUniqueId() throws {
        let configs = discovery.configs(of: snapshot(), maxCurrent: 32, version: "1.0")
        #expect(
            configs.map(\.topic) == [
                "homeassistant/sensor/ampwise_garage_1/power/config",
                "homeassistant/sensor/ampwise_garage_1/energy/config",
                "homeassistant/sensor/ampwise_garage_1/current/config",
                "homeassistant/sensor/ampwise_garage_1/status/config",
                "homeassistant/sensor/ampwise_garage_1/limit/config",
                "homeassistant/switch/ampwise_garage_1/charge/config",
                "homeassistant/number/ampwise_garage_1/max_current/config",
                "homeassistant/button/ampwise_garage_1/reset/config",
            ])
        #expect(configs.map(\.topic) == discovery.configTopics(chargerId: "garage", connectorId: 1))
        for config in configs {
            let payload = try #require(config.payload.objectValue)
            #expect(payload["availability_topic"] == "ampwise/status")
            #expect(payload["device"]?["identifiers"] == ["ampwise_garage"])
            #expect(payload["device"]?["manufacturer"] == "Wall Box Chargers")
            #expect(payload["device"]?["model"] == "PLP1")
            #expect(payload["unique_id"]?.stringValue?.hasPrefix("ampwise_garage_1_") == true)
        }
        let energy = try #require(configs[1].payload.objectValue)
        #expect(energy["device_class"] == "energy")
        #expect(energy["unit_of_measurement"] == "Wh")
        #expect(energy["state_class"] == "total_increasing")
        let slider = try #require(configs[6].payload.objectValue)
        #expect(slider["max"] == 32)
        #expect(slider["command_topic"] == "ampwise/chargers/garage/1/limit/set")
    }

    @Test func otherConnectorsAreNamedByNumber() throws {
        let configs = discovery.configs(of: snapshot(connectors: [1, 2]), maxCurrent: 16, version: "1.0")
        #expect(configs.count == 16)
        #expect(configs[8].payload["name"] == "Connector 2 power")
        #expect(configs[0].payload["name"] == "Power")
    }

    @Test func idsHomeAssistantWouldRefuseAreMadeSafe() {
        #expect(HomeAssistantDiscovery.nodeSafe("RDAM 123.a+b") == "RDAM_123_a_b")
        #expect(discovery.nodeId(chargerId: "CP:1", connectorId: 2) == "ampwise_CP_1_2")
    }

    @Test func onlyOurConfigTopicsAreRecognised() {
        #expect(discovery.nodeId(ofConfigTopic: "homeassistant/sensor/ampwise_g_1/power/config") == "ampwise_g_1")
        #expect(discovery.nodeId(ofConfigTopic: "homeassistant/sensor/zigbee_x/power/config") == nil)
        #expect(discovery.nodeId(ofConfigTopic: "homeassistant/status") == nil)
    }
}
