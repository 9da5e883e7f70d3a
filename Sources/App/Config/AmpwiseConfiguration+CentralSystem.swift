import ChargingModel
import Foundation

extension AmpwiseConfiguration {
    /// `central`: the OCPP WebSocket endpoint and what the chargers are asked to do.
    public struct CentralSystem: Sendable, Equatable {
        public var host = "0.0.0.0"
        public var port = 9000
        /// Present: the port serves `wss://` only.
        public var tls: TLS?
        /// Seconds, sent in BootNotification's answer.
        public var heartbeatInterval = 300
        /// Seconds, the MeterValueSampleInterval set on every charger (0: no periodic samples).
        public var meterValueSampleInterval = 60
        /// The MeterValuesSampledData set on every charger, in this order.
        public var measurands: [Measurand] = [
            .energyActiveImportRegister, .powerActiveImport, .currentImport, .currentOffered, .voltage,
            .soc,
        ]
        public var pingInterval: TimeInterval = 20
        public var pingTimeout: TimeInterval = 20
        public var callTimeout: TimeInterval = 30
        public var maxMessageBytes = 1_048_576
        /// What all connections together may hold for unfinished messages (64 MiB).
        public var maxBufferedBytes = 67_108_864
        public var allowUnknownChargers = true
        /// The OCPP subprotocols accepted, in order of preference (docs/ocpp201.md): the first
        /// the charger offers wins; a charger that offers none speaks 1.6.
        public var protocols = AmpwiseConfiguration.CentralSystem.knownProtocols

        /// Every subprotocol Ampwise speaks, in its default order of preference.
        public static let knownProtocols = ["ocpp1.6", "ocpp2.0.1"]

        public init() {}
    }
}
