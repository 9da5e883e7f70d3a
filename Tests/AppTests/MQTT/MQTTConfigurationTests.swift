import InputSources
import MQTTLink
import Testing

@testable import App

@Suite struct MQTTConfigurationTests {
    @Test func noMQTTKeyMeansNoMQTTAndAnEmptyOneTheDefaults() throws {
        #expect(try AmpwiseConfiguration(jsonText: "{}", file: "a.json").mqtt == nil)
        let settings = try #require(try AmpwiseConfiguration(jsonText: #"{"mqtt": {}}"#, file: "a.json").mqtt)
        #expect(settings == AmpwiseConfiguration.MQTT())
        #expect(settings.broker == MQTTBrokerAddress(host: "127.0.0.1", port: 1883, usesTLS: false))
        #expect(settings.topic == "ampwise" && settings.clientId == "ampwise")
        #expect(settings.homeAssistant.discovery && settings.homeAssistant.prefix == "homeassistant")
    }

    @Test func everyKeyIsRead() throws {
        let text = #"""
            {"mqtt": {"broker": "mqtts://broker.local", "username": "u", "password": "p", "clientId": "aw",
                      "topic": "home/ev", "keepAlive": 60, "ca": "/etc/ca.pem",
                      "homeAssistant": {"discovery": false, "prefix": "ha"}}}
            """#
        let settings = try #require(try AmpwiseConfiguration(jsonText: text, file: "a.json").mqtt)
        #expect(settings.broker == MQTTBrokerAddress(host: "broker.local", port: 8883, usesTLS: true))
        #expect(settings.username == "u" && settings.password == "p" && settings.clientId == "aw")
        #expect(settings.topic == "home/ev" && settings.keepAlive == 60 && settings.ca == "/etc/ca.pem")
        #expect(!settings.homeAssistant.discovery && settings.homeAssistant.prefix == "ha")
    }

    @Test func badValuesAreNamedByTheirKey() {
        #expect(problems(#"{"mqtt": {"broker": "tcp://x"}}"#).first?.hasPrefix("mqtt.broker: expected mqtt://") == true)
        #expect(problems(#"{"mqtt": {"topic": "a/+"}}"#).first?.hasPrefix("mqtt.topic: ") == true)
        #expect(problems(#"{"mqtt": {"topic": "ampwise/"}}"#).first?.hasPrefix("mqtt.topic: ") == true)
        #expect(
            problems(#"{"mqtt": {"password": "p"}}"#).first?.hasPrefix("mqtt.password: needs mqtt.username") == true)
        #expect(problems(#"{"mqtt": {"keepAlive": 1}}"#).first?.hasPrefix("mqtt.keepAlive: ") == true)
        #expect(problems(#"{"mqtt": {"homeAssistant": {"prefx": "x"}}}"#) == ["mqtt.homeAssistant.prefx: unknown key"])
        #expect(problems(#"{"mqtt": {"username": 5}}"#) == ["mqtt.username: expected a string or null"])
    }
}

@Suite struct MQTTSourceConfigurationTests {
    @Test func anMQTTSourceIsReadWithItsTopicPathAndScale() throws {
        let text = #"""
            {"mqtt": {}, "sources": {"p1": {"type": "mqtt",
              "inputs": {"grid.power": {"topic": "p1/power", "path": "value", "scale": 1000}}}}}
            """#
        let configuration = try AmpwiseConfiguration(jsonText: text, file: "a.json")
        guard case .mqtt(let source)? = configuration.sources["p1"] else {
            Issue.record("no mqtt source: \(configuration.sources)")
            return
        }
        #expect(source.inputs["grid.power"]?.topic.text == "p1/power")
        #expect(source.inputs["grid.power"]?.reading.scale == 1000)
        #expect(source.inputs["grid.power"]?.reading.path?.description == "value")
    }

    @Test func mistakesAreNamedByTheirKeyPath() {
        #expect(
            problems(#"{"sources": {"p1": {"type": "mqtt", "inputs": {"grid.power": {"topic": "p"}}}}}"#) == [
                "sources.p1.type: an mqtt source reads from the broker of the mqtt section, and there is none"
            ])
        #expect(
            problems(#"{"mqtt": {}, "sources": {"p1": {"type": "mqtt", "inputs": {"grid.power": {}}}}}"#) == [
                "sources.p1.inputs.grid.power.topic: missing (the topic to subscribe to)"
            ])
        #expect(
            problems(#"{"mqtt": {}, "sources": {"p1": {"type": "mqtt", "inputs": {"grid.power": {"topic": "a#"}}}}}"#)
                .first?.hasPrefix("sources.p1.inputs.grid.power.topic: ") == true)
        #expect(
            problems(#"{"mqtt": {}, "sources": {"p1": {"type": "mqtt", "interval": 5, "inputs": {}}}}"#).contains(
                "sources.p1.interval: unknown key"))
    }
}
