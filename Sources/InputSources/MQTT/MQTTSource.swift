import MQTT
import MQTTLink

/// `type: "mqtt"`: subscribes to each input's topic on the shared MQTT client and reports each
/// value as it arrives. Nothing is polled: a meter that publishes every second is read every
/// second. A lost broker is one failure (the client reconnects with backoff, and the
/// subscriptions are renewed); the next value read is the recovery.
public struct MQTTSource: InputSource {
    public let name: String
    public let type = "mqtt"
    public let configuration: MQTTSourceConfiguration
    private let client: MQTTClient

    public init(name: String, configuration: MQTTSourceConfiguration, client: MQTTClient) {
        self.name = name
        self.configuration = configuration
        self.client = client
    }

    public var inputNames: [String] { configuration.inputs.keys.sorted() }

    public func run(reporter: SourceReporter) async {
        let events = client.events()
        client.subscribe(Array(Set(configuration.inputs.values.map(\.topic))).sorted { $0.text < $1.text })
        for await event in events {
            switch event {
            case .message(let message):
                guard let result = MQTTSource.values(of: message, inputs: configuration.inputs) else { continue }
                await reporter.report(result)
            case .disconnected(let reason, _):
                await reporter.report(.failure(SourceError("MQTT broker: \(reason)")))
            case .subscriptionRefused(let filter):
                if configuration.inputs.values.contains(where: { $0.topic.text == filter }) {
                    await reporter.report(.failure(SourceError("the broker refused the subscription to \(filter)")))
                }
            case .connected, .dropped:
                break
            }
        }
    }

    /// The values a message gives the inputs whose topic it matches (nil when it matches none),
    /// or why its payload could not be read.
    public static func values(of message: MQTTPublish, inputs: [String: MQTTInputSpec])
        -> Result<[String: Double], SourceError>?
    {
        let matching = inputs.filter { $0.value.topic.matches(message.topic) }
        guard !matching.isEmpty else { return nil }
        // An empty retained message only deletes what the broker kept: it is no reading.
        guard !message.payload.isEmpty else { return nil }
        do {
            return .success(try HTTPSource.values(of: message.payload, inputs: matching.mapValues(\.reading)))
        } catch {
            return .failure(SourceError("\(message.topic): \(error.message)"))
        }
    }
}
