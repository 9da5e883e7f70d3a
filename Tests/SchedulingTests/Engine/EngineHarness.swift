import ChargePointManagement
import ChargingModel
import Foundation
import Rules
import Store
import TestSupport

@testable import Scheduling

/// An engine over a fake directory, a manual clock and a temporary store, sending through charge
/// point management's dispatcher to a fake central system: the calls are what an OCPP 1.6 charger
/// receives, and the dispatcher records each command in the store.
final class EngineHarness {
    /// 2026-11-25 00:00:00 UTC, a Wednesday.
    static let start = Date(timeIntervalSince1970: 1_795_564_800)

    let directory: FakeChargerDirectory
    let caller = FakeChargePointCaller()
    let clock: ManualClock
    let store: Store
    let engine: SchedulingEngine
    let folder: TemporaryDirectory
    /// What `reloadRules()` reads.
    let ruleFolder: FakeRuleFolder

    init(
        rules: String,
        chargers: [ChargerSnapshot] = [EngineHarness.charger("garage", status: .charging, transactionId: 7)],
        settings: EngineSettings = EngineHarness.settings(), start: Date = EngineHarness.start,
        tariff: TariffSchedule? = nil, folder: TemporaryDirectory? = nil
    ) throws {
        self.folder = try folder ?? TemporaryDirectory()
        store = try Store(path: self.folder.file("ampwise.sqlite"), options: StoreOptions(batchMaxDelayMilliseconds: 1))
        directory = FakeChargerDirectory(chargers)
        clock = ManualClock(start)
        let ruleFolder = FakeRuleFolder(rules)
        self.ruleFolder = ruleFolder
        let checked = RuleChecker.check([RuleSource(path: "test.rules", text: rules)])
        guard let ruleSet = checked.ruleSet else {
            throw RuleDiagnostic(path: "test.rules", line: 0, column: 0, message: "\(checked.diagnostics)")
        }
        engine = SchedulingEngine(
            settings: settings, ruleSet: ruleSet,
            tariff: tariff ?? TariffSchedule(defaultPrice: 0.30, timeZone: TimeZone(identifier: "UTC")!),
            directory: directory,
            commands: CommandDispatcher(caller: caller, recorder: store, now: { [clock] in clock.now() }),
            store: store, clock: clock,
            loadRules: { [RuleSource(path: "test.rules", text: ruleFolder.text)] })
    }

    /// One phase at 230 V (1 A = 230 W), 6..16 A, deadband 0.5 A, increases every 10 s, retries every 30 s.
    static func settings(
        pause: PausePolicy = .profile, tick: TimeInterval = 10, phases: Int = 1
    ) -> EngineSettings {
        EngineSettings(
            timeZone: TimeZone(identifier: "UTC")!, tick: tick, inputMaxAge: 300,
            policy: PolicySettings(deadband: 0.5, minIncreaseInterval: 10, retryInterval: 30),
            defaultCharger: EngineChargerSettings(
                phases: phases, voltage: 230, minCurrent: 6, maxCurrent: 16, pause: pause))
    }

    /// A connected single-connector charger that reported a stack level of 5.
    static func charger(_ id: String, status: ConnectorStatus, transactionId: Int? = nil) -> ChargerSnapshot {
        var snapshot = ChargerSnapshot(id: id)
        snapshot.connected = true
        snapshot.maxStackLevel = 5
        snapshot.limitUnit = .amps
        snapshot.numberOfConnectors = 1
        var connector = ConnectorSnapshot(id: 1)
        connector.status = status
        connector.transaction = transactionId.map {
            TransactionSnapshot(id: $0, idTag: "ampwise", startedAt: start, meterStart: 0, energyWh: 0)
        }
        snapshot.connectors = [connector]
        return snapshot
    }

    /// Starts the engine and waits for its first evaluation and commands.
    func start() async {
        await engine.start()
        await engine.settle()
    }

    func advance(by seconds: TimeInterval) async {
        clock.advance(by: seconds)
        await engine.settle()
    }

    func changed(_ change: ChargerChange) async {
        await engine.chargerChanged(change)
        await engine.settle()
    }

    func stop() async {
        await engine.stop()
        await store.close()
    }

    /// The limits of the SetChargingProfile calls so far, with their purposes.
    var profiles: [String] { profiles(in: caller.calls) }

    /// The SetChargingProfile calls one charger received, in order. Calls to different chargers
    /// run concurrently, so only the order per charger is defined.
    func profiles(of chargerId: String) -> [String] {
        profiles(in: caller.calls.filter { $0.chargerId == chargerId })
    }

    private func profiles(in calls: [FakeChargePointCaller.Call]) -> [String] {
        calls.filter { $0.action == "SetChargingProfile" }.map { call in
            let profile = call.payload["csChargingProfiles"]?.objectValue
            let limit =
                profile?["chargingSchedule"]?.objectValue?["chargingSchedulePeriod"]?.arrayValue?.first?
                .objectValue?["limit"]?.doubleValue ?? -1
            return "\(profile?["chargingProfilePurpose"]?.stringValue ?? "?") \(limit)"
        }
    }

    /// Every recorded decision, oldest first.
    func decisions() async throws -> [DecisionRecord] {
        try await store.decisions(limit: 1000).reversed()
    }

    /// Every recorded command, oldest first.
    func commands() async throws -> [CommandRecord] {
        await store.flush()
        // In the order recorded: the store orders by `sentAt`, which is the manual clock's time
        // less the real latency, so two commands sent at one manual instant can swap places there.
        return try await store.commands(limit: 1000).sorted { $0.id < $1.id }
    }
}
