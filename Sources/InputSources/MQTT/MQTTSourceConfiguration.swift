/// A checked `type: "mqtt"` entry of `sources` (docs/sources.md): inputs read from topics on the
/// broker of `mqtt` (docs/mqtt.md).
public struct MQTTSourceConfiguration: Sendable, Equatable {
    /// By input name.
    public var inputs: [String: MQTTInputSpec]

    public init(inputs: [String: MQTTInputSpec]) {
        self.inputs = inputs
    }
}
