/// Who sent a command. Open-ended (a struct, not an enum) so that a new source needs no
/// schema change; the known ones are constants.
public struct CommandSource: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The scheduler, carrying out a decision.
    public static let scheduler = CommandSource(rawValue: "scheduler")
    /// A manual command through the HTTP API.
    public static let api = CommandSource(rawValue: "api")
    /// A command that arrived on an MQTT `.../set` topic (docs/mqtt.md).
    public static let mqtt = CommandSource(rawValue: "mqtt")
    /// The post-boot set-up (GetConfiguration, ChangeConfiguration, TriggerMessage).
    public static let setup = CommandSource(rawValue: "setup")
    /// The certificate authority, sending a charger its signed certificate (CertificateSigned).
    public static let certificates = CommandSource(rawValue: "certificates")

    public var description: String { rawValue }
}
