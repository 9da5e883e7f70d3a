import ChargingModel
import JSON

/// Home Assistant MQTT discovery (docs/mqtt.md, "Home Assistant"): for a charger, a device with,
/// per connector, the entities of SPEC §9 as retained config messages at
/// `PREFIX/COMPONENT/ampwise_ID_N/OBJECT/config`. The keys are those of Home Assistant's MQTT
/// discovery and its sensor, switch, number and button platforms (home-assistant.io,
/// integrations/mqtt, "MQTT Discovery"); device classes, units and state classes are the ones
/// its sensor documentation lists for power (W), energy (Wh, `total_increasing`) and current (A).
struct HomeAssistantDiscovery: Sendable {
    let prefix: String
    let names: MQTTTopicNames

    /// One config message.
    struct Config: Equatable {
        let topic: String
        let payload: JSONValue
    }

    /// A charger id as Home Assistant takes it in a node id, object id and unique id: letters,
    /// digits, `_` and `-`; anything else becomes `_`.
    static func nodeSafe(_ id: String) -> String {
        String(
            id.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_", "-": Character(scalar)
                default: "_"
                }
            })
    }

    func nodeId(chargerId: String, connectorId: Int) -> String {
        "ampwise_\(Self.nodeSafe(chargerId))_\(connectorId)"
    }

    /// The filter that finds every config message under the prefix (to clear those of deleted chargers).
    var configFilter: String { "\(prefix)/+/+/+/config" }

    /// Home Assistant's birth message topic: `online` there means it restarted and wants the
    /// configs again.
    var birthTopic: String { "\(prefix)/status" }

    /// Whether `topic` is one `configFilter` matches (anyone's config, not only ours).
    func isConfigTopic(_ topic: String) -> Bool {
        guard topic.hasPrefix(prefix + "/") else { return false }
        let levels = topic.dropFirst(prefix.count + 1).split(separator: "/", omittingEmptySubsequences: false)
        return levels.count == 4 && levels[3] == "config"
    }

    /// The node id of a config topic of ours (`ampwise_...`), or nil.
    func nodeId(ofConfigTopic topic: String) -> String? {
        guard topic.hasPrefix(prefix + "/") else { return nil }
        let levels = topic.dropFirst(prefix.count + 1).split(separator: "/")
        guard levels.count == 4, levels[3] == "config", levels[1].hasPrefix("ampwise_") else { return nil }
        return String(levels[1])
    }

    func configs(of snapshot: ChargerSnapshot, maxCurrent: Double, version: String) -> [Config] {
        var device = JSONObject([
            ("identifiers", .array([.string("ampwise_\(Self.nodeSafe(snapshot.id))")])),
            ("name", .string(snapshot.id)),
        ])
        if let identity = snapshot.identity {
            device["manufacturer"] = .string(identity.vendor)
            device["model"] = .string(identity.model)
            if let firmware = identity.firmwareVersion { device["sw_version"] = .string(firmware) }
            if let serial = identity.serialNumber ?? identity.chargeBoxSerialNumber {
                device["serial_number"] = .string(serial)
            }
        }
        let origin = JSONObject([("name", .string("Ampwise")), ("sw_version", .string(version))])
        return snapshot.connectors.filter { $0.id >= 1 }.flatMap { connector in
            connectorConfigs(
                chargerId: snapshot.id, connectorId: connector.id, device: device, origin: origin,
                maxCurrent: maxCurrent)
        }
    }

    /// The config topics of a connector, for removal (an empty retained message each).
    func configTopics(chargerId: String, connectorId: Int) -> [String] {
        let node = nodeId(chargerId: chargerId, connectorId: connectorId)
        return Self.entities.map { "\(prefix)/\($0.component)/\(node)/\($0.object)/config" }
    }

    private static let entities: [(component: String, object: String)] = [
        ("sensor", "power"), ("sensor", "energy"), ("sensor", "current"), ("sensor", "status"), ("sensor", "limit"),
        ("switch", "charge"), ("number", "max_current"), ("button", "reset"),
    ]

    private func connectorConfigs(
        chargerId: String, connectorId: Int, device: JSONObject, origin: JSONObject, maxCurrent: Double
    ) -> [Config] {
        let node = nodeId(chargerId: chargerId, connectorId: connectorId)
        let label = connectorId == 1 ? "" : "Connector \(connectorId) "
        func config(_ component: String, _ object: String, _ name: String, _ members: [(String, JSONValue)]) -> Config {
            var payload = JSONObject([
                ("name", .string(label.isEmpty ? name : label + name.lowercased())),
                ("unique_id", .string("\(node)_\(object)")),
                ("availability_topic", .string(names.status)),
                ("payload_available", .string("online")),
                ("payload_not_available", .string("offline")),
                ("device", .object(device)),
                ("origin", .object(origin)),
            ])
            for (key, value) in members { payload[key] = value }
            return Config(topic: "\(prefix)/\(component)/\(node)/\(object)/config", payload: .object(payload))
        }
        let topic = { (leaf: String) in JSONValue.string(names.connector(chargerId, connectorId, leaf)) }
        let charging = "Charging', 'SuspendedEV', 'SuspendedEVSE"
        return [
            config(
                "sensor", "power", "Power",
                [
                    ("state_topic", topic("power")), ("device_class", "power"), ("unit_of_measurement", "W"),
                    ("state_class", "measurement"),
                ]),
            config(
                "sensor", "energy", "Energy",
                [
                    ("state_topic", topic("energy")), ("device_class", "energy"), ("unit_of_measurement", "Wh"),
                    ("state_class", "total_increasing"),
                ]),
            config(
                "sensor", "current", "Current",
                [
                    ("state_topic", topic("current")), ("device_class", "current"), ("unit_of_measurement", "A"),
                    ("state_class", "measurement"),
                ]),
            config("sensor", "status", "Status", [("state_topic", topic("status")), ("icon", "mdi:ev-station")]),
            config(
                "sensor", "limit", "Limit",
                [
                    ("state_topic", topic("limit")), ("device_class", "current"), ("unit_of_measurement", "A"),
                    // `none` (no limit in force) is Home Assistant's unknown state.
                    ("value_template", "{{ None if value == 'none' else value }}"),
                ]),
            config(
                "switch", "charge", "Charge",
                [
                    ("command_topic", topic("charge/set")), ("payload_on", "start"), ("payload_off", "stop"),
                    ("state_topic", topic("status")),
                    ("value_template", .string("{{ 'start' if value in ['\(charging)'] else 'stop' }}")),
                ]),
            config(
                "number", "max_current", "Max current",
                [
                    ("command_topic", topic("limit/set")), ("state_topic", topic("limit")),
                    ("value_template", "{{ 0 if value == 'none' else value }}"), ("min", 0),
                    ("max", .number(maxCurrent)), ("step", 1), ("unit_of_measurement", "A"),
                    ("device_class", "current"), ("mode", "slider"),
                ]),
            config(
                "button", "reset", "Reset",
                [
                    ("command_topic", .string(names.charger(chargerId, "reset/set"))), ("payload_press", "Soft"),
                    ("device_class", "restart"), ("entity_category", "config"),
                ]),
        ]
    }
}
