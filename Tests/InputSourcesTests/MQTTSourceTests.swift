import InputSources
import MQTT
import Testing

@Suite struct MQTTSourceTests {
    private func inputs(_ specs: [String: (String, String?, Double)]) throws -> [String: MQTTInputSpec] {
        try specs.mapValues { topic, path, scale in
            MQTTInputSpec(
                topic: try MQTTTopicFilter(topic),
                reading: HTTPInputSpec(path: path.flatMap(JSONPath.init), scale: scale))
        }
    }

    private func message(_ topic: String, _ payload: String) -> MQTTPublish {
        MQTTPublish(topic: topic, payload: Array(payload.utf8))
    }

    @Test func aJSONPayloadIsReadAtItsPathAndScaled() throws {
        let specs = try inputs(["grid.power": ("p1/power", "value", 1000)])
        #expect(
            try MQTTSource.values(of: message("p1/power", #"{"value": -2.3}"#), inputs: specs)?.get() == [
                "grid.power": -2300
            ])
    }

    @Test func aBarePayloadIsTheNumber() throws {
        let specs = try inputs(["solar.power": ("inverter/+/power", nil, 1)])
        #expect(
            try MQTTSource.values(of: message("inverter/1/power", " 4100\n"), inputs: specs)?.get() == [
                "solar.power": 4100
            ])
    }

    @Test func onlyTheInputsOfTheTopicAreRead() throws {
        let specs = try inputs(["grid.power": ("p1/power", nil, 1), "solar.power": ("pv/power", nil, 1)])
        #expect(try MQTTSource.values(of: message("pv/power", "5"), inputs: specs)?.get() == ["solar.power": 5])
        #expect(MQTTSource.values(of: message("other", "5"), inputs: specs) == nil)
    }

    @Test func anUnreadablePayloadIsAFailureNamingTheTopic() throws {
        let specs = try inputs(["grid.power": ("p1/power", "value", 1)])
        guard case .failure(let error)? = MQTTSource.values(of: message("p1/power", "not json"), inputs: specs) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.hasPrefix("p1/power: "))
    }

    @Test func anEmptyRetainedMessageIsNoReading() throws {
        let specs = try inputs(["grid.power": ("p1/power", nil, 1)])
        #expect(MQTTSource.values(of: message("p1/power", ""), inputs: specs) == nil)
    }
}
