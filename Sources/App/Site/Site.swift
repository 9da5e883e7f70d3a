import Central
import ChargePointManagement
import Foundation
import OCPP
import Rules
import Scheduling
import Store
import Transport

/// One site's parts, assembled the one way: the store, charge point management with its command
/// dispatcher, the central system and the scheduling engine (docs/architecture.md, "The data
/// path"). `ampwise serve` runs one; the end-to-end tests run theirs the same way.
public final class Site: Sendable {
    public let store: Store
    public let fleet: ChargerFleet
    public let central: CentralSystem
    public let commands: CommandDispatcher
    public let engine: SchedulingEngine
    /// Records every command and tells `observeCommands`' observers.
    private let commandRecorder: ObservedCommandRecorder

    /// Assembles the parts; nothing listens or runs until `start()`.
    ///
    /// - Parameter group: the event loops for the chargers (and, in `serve`, the API).
    public init(
        store: Store, central: CentralConfiguration, fleet: ChargerFleetSettings, engine: EngineSettings,
        ruleSet: RuleSet, tariff: TariffSchedule, clock: any EngineClock = SystemEngineClock(),
        loadRules: SchedulingEngine.RuleSourceLoader? = nil, group: EventLoopGroup? = nil
    ) {
        self.store = store
        let chargerFleet = ChargerFleet(store: store, settings: fleet)
        self.fleet = chargerFleet
        let centralSystem = CentralSystem(configuration: central, handler: chargerFleet, group: group)
        self.central = centralSystem
        let recorder = ObservedCommandRecorder(store)
        commandRecorder = recorder
        let dispatcher = CommandDispatcher(
            caller: centralSystem, recorder: recorder, now: { clock.now() },
            validationMode: { (central.access($0) ?? ChargerAccess()).validationMode })
        commands = dispatcher
        chargerFleet.attach(dispatcher)
        self.engine = SchedulingEngine(
            settings: engine, ruleSet: ruleSet, tariff: tariff, directory: chargerFleet, commands: dispatcher,
            store: store, clock: clock, loadRules: loadRules)
    }

    /// Calls `observer` with every command recorded, whoever sent it (after it is queued for the
    /// store), from the thread that recorded it.
    public func observeCommands(_ observer: @escaping @Sendable (CommandRecord) -> Void) {
        commandRecorder.observe(observer)
    }

    /// Restores what the store knows, starts the engine, runs `beforeChargers` (`serve` starts its
    /// API there, so that once the central system logs that it listens, all is up), then lets
    /// chargers in; returns the chargers' port (useful with port 0).
    @discardableResult
    public func start(beforeChargers: () throws -> Void = {}) async throws -> Int {
        try await fleet.restore()
        await engine.start()
        try beforeChargers()
        return try central.start()
    }

    /// Closes every charger connection (a close frame 1001, and the close handshake's time), stops
    /// the engine once its commands are answered, runs `beforeClosingStore` (the last writes that
    /// need the store, such as changed passwords), and flushes the store.
    public func stop(beforeClosingStore: @Sendable () async -> Void = {}) async {
        await central.shutDown()
        await engine.stop()
        await beforeClosingStore()
        await store.close()
    }
}
