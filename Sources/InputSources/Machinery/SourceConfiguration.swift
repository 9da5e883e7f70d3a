/// One checked entry of `sources`, by kind. A new kind (MQTT) adds a case here, its configuration
/// type, and its `InputSource`; the machinery stays as it is (docs/architecture.md, "Sources").
public enum SourceConfiguration: Sendable, Equatable {
    case http(HTTPSourceConfiguration)
    case modbus(ModbusSourceConfiguration)
    case mqtt(MQTTSourceConfiguration)

    /// The `type` key's value.
    public var type: String {
        switch self {
        case .http: "http"
        case .modbus: "modbus"
        case .mqtt: "mqtt"
        }
    }

    /// The inputs this source feeds, by name.
    public var inputNames: [String] {
        switch self {
        case .http(let configuration): configuration.inputs.keys.sorted()
        case .modbus(let configuration): configuration.inputs.keys.sorted()
        case .mqtt(let configuration): configuration.inputs.keys.sorted()
        }
    }
}
