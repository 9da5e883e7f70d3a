import ChargingModel
import Foundation
import Logging
import Rules
import Store
import Synchronization

/// The scheduler's loop: evaluates the rules every `tick` and at once after every change that
/// matters, turns each connector's decision into charger commands through the command policy,
/// sends them (in order, one at a time per charger), feeds the answers back, and records every
/// decision change and every command in the audit trail.
///
/// An actor, so that the world model, the policies and the outboxes are touched by one task at a
/// time, off the event loops. `start()` begins the loop, `stop()` ends it.
public actor SchedulingEngine {
    /// Reads the rule sources for a reload; throw a `RuleDiagnostic` to report a missing folder.
    public typealias RuleSourceLoader = @Sendable () throws -> [RuleSource]

    /// The `charger_settings` key that keeps the profile purpose a charger accepted.
    public static let workingPurposeKey = "workingProfilePurpose"

    let directory: any ChargerDirectory
    let commands: any ChargerCommanding
    let store: Store
    let clock: any EngineClock
    let loadRules: RuleSourceLoader?
    let logger = Logger(label: "scheduler")
    /// Who hears of decisions, inputs and prices as they change (`observeEvents`).
    let eventObservers = Mutex<[EngineEventObserver]>([])

    var core: SchedulingCore
    var inputs: InputSet
    var tariff: TariffSchedule
    /// Chargers whose stored working purpose was read.
    var purposesLoaded: Set<String> = []
    /// How long a (re)connected charger is left to its set-up before it gets commands anyway.
    let setupWait: TimeInterval
    /// Chargers that (re)connected or booted and are being set up, until when at the latest.
    var settingUp: [String: Date] = [:]

    // The loop.
    var loop: Task<Void, Never>?
    var isStopped = false
    var pending = false
    var waiter: CheckedContinuation<Void, Never>?
    var waitDeadline: Date?
    var sleeper: Task<Void, Never>?
    /// When every charger was last read (the first pass, the tick, anything but a charger change).
    var lastFullPassAt: Date?
    var idleWaiters: [CheckedContinuation<Void, Never>] = []

    // Directory changes.
    /// Directory changes not handled yet (see `ChargerChangeInbox`).
    let changes = ChargerChangeInbox()
    /// The chargers as the last pass read them, sorted by id, and the index of each.
    var snapshots: [ChargerSnapshot] = []
    var snapshotIndex: [String: Int] = [:]
    /// The chargers that changed since the last pass, or `nil` when the next pass reads every charger.
    var changedChargers: Set<String>?

    // Sending.
    /// Commands waiting per charger, for chargers whose sender task is running.
    var outboxes: [String: [OutgoingCommand]] = [:]
    /// One sender task per charger with commands to send; it ends when its outbox is empty.
    var senders: [String: Task<Void, Never>] = [:]
    var outstanding = 0
    /// The profile purposes that worked, per charger, as stored before this engine started.
    var storedPurposes: [String: String]?
    var decisionBatches: [ConnectorKey: Task<[ConnectorKey: Int], Never>] = [:]
    /// The last answer to a limit command per connector, for the `applied` part of the API.
    var lastLimitAnswers: [ConnectorKey: (outcome: String, at: Date)] = [:]
    /// The last goal write handed to the store; the next one waits for it (`queueGoalWrite`).
    var goalWrites: Task<Void, Never>?

    /// An engine over `directory`, sending through `commands` (which records each command) and
    /// recording its decisions in `store`.
    ///
    /// - Parameters:
    ///   - ruleSet: the rules checked at start-up.
    ///   - tariff: the configured tariff; pushed prices kept in `store` are added by `start()`.
    ///   - loadRules: reads the rules folder for `reloadRules()`; `nil`: reloading keeps the rules.
    ///   - setupWait: after a charger connects or boots, its commands wait for the directory's
    ///     `configured` (the set-up learned its stack level and units, and its own calls are done),
    ///     at most this many seconds.
    public init(
        settings: EngineSettings, ruleSet: RuleSet, tariff: TariffSchedule, directory: any ChargerDirectory,
        commands: any ChargerCommanding, store: Store, clock: any EngineClock = SystemEngineClock(),
        loadRules: RuleSourceLoader? = nil, setupWait: TimeInterval = 30
    ) {
        self.setupWait = setupWait
        self.core = SchedulingCore(settings: settings, ruleSet: ruleSet)
        self.inputs = InputSet(maxAge: settings.inputMaxAge)
        self.tariff = tariff
        self.directory = directory
        self.commands = commands
        self.store = store
        self.clock = clock
        self.loadRules = loadRules
    }

    /// Reloads the persisted inputs and pushed prices, subscribes to the directory's changes and
    /// starts the loop (the first evaluation runs at once).
    public func start() async {
        guard loop == nil, !isStopped else { return }
        let now = clock.now()
        do {
            for record in try await store.inputs() {
                guard let name = InputName(record.name) else { continue }
                inputs.set(name, to: record.value, at: record.updatedAt)
            }
            let stored = try await store.tariffPrices(
                from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(86_400 * 366))
            for price in stored {
                try? tariff.push([price])
            }
        } catch {
            logger.warning("cannot read the stored inputs and tariff: \(error)")
        }
        await loadGoals()
        // Through an inbox, in the order they happened (a `configured` must not overtake the
        // `connected` before it), and in batches: one actor hop per batch, not per change.
        let changes = changes
        directory.observeChanges { [weak self] change in
            guard changes.append(change) else { return }
            Task { await self?.handleChanges() }
        }
        pending = true
        loop = Task { await self.run() }
    }

    /// Ends the loop and waits for the commands already handed to the central system.
    public func stop() async {
        isStopped = true
        loop?.cancel()
        wake()
        await loop?.value
        loop = nil
        // Senders drain their outboxes and end; wait until every one has.
        while let sender = senders.values.first { await sender.value }
        await goalWrites?.value
    }

    /// Asks for an evaluation of every charger at once; requests that come while one runs are
    /// coalesced into one.
    public func trigger() {
        changedChargers = nil
        pending = true
        wake()
    }

    /// Asks for an evaluation at once that reads again only the chargers that changed.
    func trigger(changed chargerId: String) {
        changedChargers?.insert(chargerId)
        pending = true
        wake()
    }

    /// A change in the charger directory: a (re)connection or boot makes the charger's decisions be
    /// sent again once its set-up is done; status, configuration and transaction changes
    /// re-evaluate at once.
    public func chargerChanged(_ change: ChargerChange) {
        switch change {
        case .connected(let chargerId), .booted(let chargerId):
            core.forgetCharger(chargerId)
            settingUp[chargerId] = clock.now().addingTimeInterval(setupWait)
            trigger(changed: chargerId)
        case .configured(let chargerId):
            settingUp[chargerId] = nil
            trigger(changed: chargerId)
        case .status(let chargerId, _), .transactionStarted(let chargerId, _, _),
            .transactionStopped(let chargerId, _, _):
            trigger(changed: chargerId)
        case .disconnected(let chargerId):
            // Nothing to decide, but the next pass must know it is gone: it gets nothing until it is back.
            changedChargers?.insert(chargerId)
        case .meterValues:
            // Measurands are read at the next tick.
            break
        }
    }

    /// Handles every change waiting in the inbox, in order.
    func handleChanges() {
        for change in changes.drain() { chargerChanged(change) }
    }

    /// Returns once no evaluation is due or running, no command waits for its answer and every
    /// record is written (for tests and benchmarks).
    public func settle() async {
        while true {
            if isQuiet {
                for batch in Set(decisionBatches.values) { _ = await batch.value }
                if isQuiet { return }
                continue
            }
            await withCheckedContinuation { idleWaiters.append($0) }
        }
    }

    /// Runs one evaluation now, outside the loop's schedule (for tests and benchmarks).
    public func evaluateNow() async {
        changedChargers = nil
        await pass()
    }

    /// Commands handed to the outboxes and not answered yet.
    public var commandsInFlight: Int { outstanding }

    // MARK: - The loop

    func run() async {
        while !Task.isCancelled {
            let started = ContinuousClock.now
            await pass()
            // A pass over a large site is CPU work, and a car park reconnecting sends thousands of
            // changes: back to back, passes starved the event loops (10,000 chargers: p99 0.9 ms
            // became 20 ms, when every pass read every charger). After a long pass the engine rests
            // as long as it worked, so it stays under half a core; short passes (a site of a thousand
            // connectors takes a few ms) run back to back, so a plugged-in car is answered at once.
            // (Resting three times as long cost 5,000-charger sites a p99 of 250-600 ms per plug-in
            // instead of 100 ms, and S3 gained nothing: BENCHMARKS.md.)
            let cost = ContinuousClock.now - started
            if cost > .milliseconds(10) { try? await Task.sleep(for: cost) }
            await waitForWork()
        }
    }

    /// One evaluation: the world now, the rules, the policies, the records, the commands.
    ///
    /// Every `tick` and after anything but a charger change, a pass reads every charger; between
    /// ticks, a pass after charger changes reads only those chargers again (measurands of the others
    /// are read at the tick, as they are in any case).
    func pass() async {
        handleChanges()
        pending = false
        let now = clock.now()
        var changed = changedChargers
        changedChargers = []
        if let full = lastFullPassAt, now.timeIntervalSince(full) >= core.settings.tick { changed = nil }
        // A set-up that ran out of time releases its charger: this pass looks at it again.
        for (chargerId, until) in settingUp where until <= now {
            settingUp[chargerId] = nil
            changed?.insert(chargerId)
        }
        if !(changed.map(readSnapshots(of:)) ?? false) {
            changed = nil
            readAllSnapshots(at: now)
        }
        // A charger new to the engine comes with a full read.
        let unseen = changed == nil ? snapshotIndex.keys.filter { !purposesLoaded.contains($0) } : []
        if !unseen.isEmpty {
            // What worked before comes from the store, read once for all chargers; a pass never
            // waits for the store, which a car park reconnecting at once keeps busy (measured:
            // seconds of delay for 1,000 chargers with a read per charger).
            if storedPurposes == nil {
                storedPurposes = (try? await store.chargerSettings(key: Self.workingPurposeKey)) ?? [:]
                readAllSnapshots(at: now)
            }
            for chargerId in unseen {
                purposesLoaded.insert(chargerId)
                core.rememberWorkingPurpose(
                    storedPurposes?[chargerId].flatMap(ProfilePurpose.init(rawValue:)), chargerId: chargerId)
            }
        }
        tariff.removePushedSlots(endingBefore: now.addingTimeInterval(-86_400))
        let outcome = core.evaluate(
            snapshots: snapshots, inputs: inputs, tariff: tariff, now: now, held: Set(settingUp.keys),
            changedChargers: changed)
        recordDecisions(outcome)
        storeGoalChanges(outcome.goalChanges)
        for scheduled in outcome.commands { enqueue(scheduled) }
    }

    func readAllSnapshots(at now: Date) {
        snapshots = directory.snapshots()
        snapshotIndex = Dictionary(
            snapshots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { _, last in last })
        lastFullPassAt = now
    }

    /// Reads these chargers again; `false` when one is new to the engine (every charger is read then).
    func readSnapshots(of chargerIds: Set<String>) -> Bool {
        guard !snapshots.isEmpty else { return false }
        for chargerId in chargerIds {
            guard let index = snapshotIndex[chargerId], let snapshot = directory.snapshot(chargerId) else {
                return false
            }
            snapshots[index] = snapshot
        }
        return true
    }

    func recordDecisions(_ outcome: EvaluationOutcome) {
        guard !outcome.changed.isEmpty else { return }
        let changed = outcome.changed
        let at = outcome.at
        let store = store
        let logger = logger
        let batch = Task { () -> [ConnectorKey: Int] in
            let keys = changed.map(\.key)
            do {
                var records = changed.map { $0.summary.record(at: at, key: $0.key) }
                let ids = try await store.recordDecisions(records)
                for index in records.indices where index < ids.count { records[index].id = ids[index] }
                self.emit(.decisions(records))
                return Dictionary(zip(keys, ids), uniquingKeysWith: { _, last in last })
            } catch {
                logger.warning("cannot record \(keys.count) decisions: \(error)")
                return [:]
            }
        }
        for (key, summary) in changed {
            decisionBatches[key] = batch
            logger.info("\(key): \(summary.explanation)")
        }
    }

    func waitForWork() async {
        guard !pending, !Task.isCancelled else { return }
        let now = clock.now()
        // A floor on the tick, so that a tiny configured value cannot make the loop spin.
        var deadline = (lastFullPassAt ?? now).addingTimeInterval(max(core.settings.tick, 0.05))
        // A wake-up at or before now was handled by the pass that just ran (or belongs to a
        // charger that is offline and gets nothing until it is back): only later ones count.
        if let wakeUp = core.nextWakeUp, wakeUp > now { deadline = min(deadline, wakeUp) }
        if let setupEnds = settingUp.values.min(), setupEnds > now { deadline = min(deadline, setupEnds) }
        guard deadline > now else { return }
        waitDeadline = deadline
        let clock = clock
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiter = continuation
            sleeper = Task {
                do { try await clock.sleep(until: deadline) } catch { return }
                self.wake()
            }
            notifyIfIdle()
        }
        waitDeadline = nil
        sleeper?.cancel()
        sleeper = nil
    }

    func wake() {
        waiter?.resume()
        waiter = nil
    }

    /// Waiting for the next tick with nothing due, nothing in flight.
    var isQuiet: Bool {
        guard waiter != nil, !pending, outstanding == 0, let waitDeadline else { return isStopped && outstanding == 0 }
        return clock.now() < waitDeadline
    }

    func notifyIfIdle() {
        guard isQuiet, !idleWaiters.isEmpty else { return }
        let waiting = idleWaiters
        idleWaiters = []
        for waiter in waiting { waiter.resume() }
    }
}
