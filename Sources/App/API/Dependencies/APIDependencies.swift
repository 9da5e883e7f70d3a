import Central
import ChargePointManagement
import ChargingModel
import Foundation
import InputSources
import MQTTLink
import Scheduling
import Tariffs

/// Everything the API's handlers reach: each a protocol or a plain value, so tests substitute
/// fakes.
public struct APIDependencies: Sendable {
    /// The chargers and their state (charge point management).
    public var chargers: any ChargerDirectory
    /// Sends manual commands, records and counts them (charge point management's dispatcher).
    public var commands: CommandDispatcher
    /// The audit trail and transactions (the `Store`).
    public var records: any APIRecords
    /// Closes a transaction its charger forgot (charge point management's fleet).
    public var transactions: any TransactionClosing
    /// Overrides, inputs, tariff, rules, decisions (the scheduling engine).
    public var scheduler: any SchedulerControl
    /// Messages in and out (`CentralSystem.metrics`).
    public var centralMetrics: CentralMetrics
    /// `GET /api/health` answers it.
    public var version: String
    /// The id tag of a remote start without one: the charger's configured `idTag`, else "ampwise".
    public var remoteStartIdTag: @Sendable (_ chargerId: String) -> String
    /// The clock, for durations and the tariff window.
    public var now: @Sendable () -> Date
    /// The chargers listed in `ampwise.json` (`chargers.<id>`): known to the API before they first
    /// connect, so a command to one of them is 409 (not connected) rather than 404 (unknown).
    public var configuredChargers: Set<String>
    /// The sources' statuses (`InputSourceSet.statuses`), for `GET /api/sources` and `/metrics`.
    public var sources: @Sendable () -> [SourceStatus]
    /// Meter, decision and input history, for the dashboard (`nil`: `GET /api/history` is 503).
    public var history: (any HistoryRecords)?
    /// The plan of the coming hours from the live world (`nil`: `GET /api/plan` is 503).
    public var planner: (any LivePlanning)?
    /// The tariff provider's status (`TariffProviderRunner.status`), nil without `tariff.provider`.
    public var tariffProvider: @Sendable () -> TariffProviderStatus?
    /// The site's zone (`timezone` in `ampwise.json`): `GET /api/health` names it, and the dashboard
    /// shows its times in it.
    public var timeZone: TimeZone
    /// Passwords changed through the API (`CentralConfiguration.passwords`; docs/security.md).
    public var passwords = ChargerPasswords()
    /// `chargers.ID.password`: what a charger used before its first change through the API.
    public var configuredPassword: @Sendable (_ chargerId: String) -> String? = { _ in nil }
    /// The MQTT client's queue figures for `/metrics` (`MQTTClient.figures`), nil without `mqtt`.
    public var mqtt: @Sendable () -> MQTTClientFigures? = { nil }

    public init(
        chargers: any ChargerDirectory, commands: CommandDispatcher, records: any APIRecords,
        transactions: any TransactionClosing, scheduler: any SchedulerControl, centralMetrics: CentralMetrics,
        version: String, remoteStartIdTag: @escaping @Sendable (String) -> String,
        now: @escaping @Sendable () -> Date = { Date() }, configuredChargers: Set<String> = [],
        sources: @escaping @Sendable () -> [SourceStatus] = { [] }, history: (any HistoryRecords)? = nil,
        planner: (any LivePlanning)? = nil, tariffProvider: @escaping @Sendable () -> TariffProviderStatus? = { nil },
        timeZone: TimeZone = .current
    ) {
        self.chargers = chargers
        self.commands = commands
        self.records = records
        self.transactions = transactions
        self.scheduler = scheduler
        self.centralMetrics = centralMetrics
        self.version = version
        self.remoteStartIdTag = remoteStartIdTag
        self.now = now
        self.configuredChargers = configuredChargers
        self.sources = sources
        self.history = history
        self.planner = planner
        self.tariffProvider = tariffProvider
        self.timeZone = timeZone
    }

    /// The charger's snapshot: from the directory (connected now or seen before), else a
    /// disconnected one for a configured charger that has not connected yet; `nil` for a charger
    /// Ampwise has never heard of.
    func snapshot(of chargerId: String) -> ChargerSnapshot? {
        chargers.snapshot(chargerId) ?? (configuredChargers.contains(chargerId) ? ChargerSnapshot(id: chargerId) : nil)
    }

    /// Every charger the directory knows, and the configured ones that have not connected yet, by id.
    func allSnapshots() -> [ChargerSnapshot] {
        let known = chargers.snapshots()
        let seen = Set(known.map(\.id))
        let waiting = configuredChargers.subtracting(seen).map(ChargerSnapshot.init(id:))
        return (known + waiting).sorted { $0.id < $1.id }
    }
}
