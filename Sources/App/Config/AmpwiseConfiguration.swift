import ChargePointManagement
import Foundation
import InputSources
import Logging

/// Everything `ampwise.json` can set (docs/configuration.md), with every key's default filled in.
///
/// Scalar settings default to the values in the example file of docs/configuration.md; lists and maps (`idTags.tags`,
/// `chargers`, `tariff.periods`) default to empty, `central.tls` and `api.token` to none, and
/// `timezone` to the system's time zone.
public struct AmpwiseConfiguration: Sendable, Equatable {
    /// The path read when `--config` is not given; a missing file there means "all defaults".
    public static let defaultPath = "ampwise.json"

    public var central = CentralSystem()
    public var api = API()
    /// The SQLite database file.
    public var database = "ampwise.sqlite"
    /// The folder of `.rules` files.
    public var rules = "rules"
    /// The zone in which tariff periods and rule clock times are read.
    public var timeZone: TimeZone = .current
    public var logLevel: LogLevel = .info
    public var idTags = IdTagPolicy()
    /// Per-charger settings by charger id; use `charger(_:)` for any id, listed or not.
    public var chargers: [String: Charger] = [:]
    public var tariff = Tariff()
    public var scheduling = Scheduling()
    /// `sources`: inputs read from meters, by source name (docs/sources.md).
    public var sources: [String: SourceConfiguration] = [:]
    /// `mqtt`: nil when the key is absent (no MQTT at all).
    public var mqtt: MQTT?

    public init() {}

    /// The settings for charger `id`: its entry in `chargers`, or the defaults when it has none.
    public func charger(_ id: String) -> Charger {
        chargers[id] ?? Charger()
    }

    /// Whether a charger with this id may connect (listed, or unknown chargers allowed).
    public func admitsCharger(_ id: String) -> Bool {
        chargers[id] != nil || central.allowUnknownChargers
    }
}
