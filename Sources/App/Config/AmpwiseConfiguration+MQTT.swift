import MQTTLink

extension AmpwiseConfiguration {
    /// `mqtt`: the broker Ampwise publishes its state to and takes commands from (docs/mqtt.md).
    public struct MQTT: Sendable, Equatable {
        public var broker = MQTTBrokerAddress(host: "127.0.0.1", port: 1883, usesTLS: false)
        public var username: String?
        public var password: String?
        public var clientId = "ampwise"
        /// The base of every state and command topic.
        public var topic = "ampwise"
        /// Seconds between keep-alive pings when nothing else is sent.
        public var keepAlive = 30
        /// A PEM file whose certificates are trusted for `mqtts://` instead of the system's store.
        public var ca: String?
        public var homeAssistant = HomeAssistant()

        public init() {}
    }

    /// `mqtt.homeAssistant`: MQTT discovery.
    public struct HomeAssistant: Sendable, Equatable {
        public var discovery = true
        public var prefix = "homeassistant"

        public init() {}
    }
}
