import JSON
import MQTT
import MQTTLink

extension AmpwiseConfiguration.MQTT {
    mutating func decode(_ value: JSONValue, with reader: inout ConfigurationReader) {
        let path = "mqtt"
        let keys = ["broker", "username", "password", "clientId", "topic", "keepAlive", "ca", "homeAssistant"]
        guard let object = reader.object(value, at: path, known: keys) else { return }
        if let url = reader.nonEmptyString(object, "broker", in: path) {
            do {
                broker = try MQTTBrokerAddress(url: url)
            } catch {
                reader.report("mqtt.broker", "\(error) (got \"\(url)\")")
            }
        }
        username = Self.optionalString(object, "username", with: &reader) ?? username
        password = Self.optionalString(object, "password", with: &reader) ?? password
        if password != nil && username == nil {
            reader.report("mqtt.password", "needs mqtt.username too (MQTT 3.1.1 sends no password without a user name)")
        }
        if let id = reader.nonEmptyString(object, "clientId", in: path) {
            if id.utf8.count > 65_535 { reader.report("mqtt.clientId", "at most 65535 bytes") } else { clientId = id }
        }
        topic = Self.topicBase(object, "topic", in: path, with: &reader) ?? topic
        keepAlive = reader.integer(object, "keepAlive", in: path, .integers(5...3600)) ?? keepAlive
        ca = reader.nonEmptyString(object, "ca", in: path) ?? ca
        if let value = object["homeAssistant"] {
            let path = "mqtt.homeAssistant"
            if let object = reader.object(value, at: path, known: ["discovery", "prefix"]) {
                homeAssistant.discovery = reader.bool(object, "discovery", in: path) ?? homeAssistant.discovery
                homeAssistant.prefix = Self.topicBase(object, "prefix", in: path, with: &reader) ?? homeAssistant.prefix
            }
        }
    }

    /// A string, or null for none.
    private static func optionalString(_ object: JSONObject, _ key: String, with reader: inout ConfigurationReader)
        -> String?
    {
        guard let value = object[key], value != .null else { return nil }
        return reader.value(object, key, in: "mqtt", expected: "a string or null") { $0.stringValue }
    }

    /// A topic base: a valid topic name with no wildcards and no `/` at either end.
    private static func topicBase(
        _ object: JSONObject, _ key: String, in parent: String, with reader: inout ConfigurationReader
    ) -> String? {
        guard let text = reader.nonEmptyString(object, key, in: parent) else { return nil }
        do {
            try MQTTTopicFilter.checkName(text)
        } catch {
            reader.report(ConfigurationReader.path(parent, key), "\(error)")
            return nil
        }
        guard !text.hasPrefix("/"), !text.hasSuffix("/"), !text.hasPrefix("$") else {
            reader.report(
                ConfigurationReader.path(parent, key), "a topic base cannot start or end with / or start with $")
            return nil
        }
        return text
    }
}
