import Central
import ChargingModel
import Foundation
import Logging
import Store
import Synchronization

/// Ampwise's charge point management: answers every message the chargers send (docs/charger-management.md), sets
/// each charger up after it boots, keeps what it learns in memory for the API and the engine
/// (`ChargerDirectory`) and in the `Store`.
///
/// Wiring (the central system takes its handler at init, and the set-up sends its commands
/// through the dispatcher, which needs the central system, so the dispatcher is attached
/// afterwards):
///
/// ```swift
/// let store = try Store(path: configuration.database)
/// let fleet = ChargerFleet(store: store, settings: settings)
/// try await fleet.restore()                     // open transactions and chargers from the store
/// let central = CentralSystem(configuration: ..., handler: fleet)
/// fleet.attach(CommandDispatcher(caller: central, recorder: store))
/// try central.start()
/// ```
///
/// `handle` runs on the charger's event loop and never blocks: state changes happen inline
/// under a lock, store writes are queued, and StartTransaction and StopTransaction are
/// answered from a task once their row is committed.
public final class ChargerFleet: IncomingCallHandler, ChargerDirectory {
    public let store: Store
    public let settings: ChargerFleetSettings
    let logger = Logger(label: "chargers")
    let chargers = Mutex<[String: ChargerState]>([:])
    /// Post-boot set-ups, 64 at a time.
    let setups = SetupQueue(limit: 64)
    private let observers = Mutex<[ChargerChangeObserver]>([])
    private let commandsSlot = Mutex<CommandDispatcher?>(nil)
    /// Chargers whose SignCertificate was refused for want of a CA, logged once each.
    let unsignedChargersLogged = Mutex<Set<String>>([])

    /// - Parameter commands: what the set-up sends its commands through; may be given later with
    ///   `attach(_:)`.
    public init(store: Store, settings: ChargerFleetSettings, commands: CommandDispatcher? = nil) {
        self.store = store
        self.settings = settings
        commandsSlot.withLock { $0 = commands }
        if let commands { resolveTransactionIds(through: commands) }
    }

    /// Sets the dispatcher the set-up sends its commands through (and asks for latencies).
    public func attach(_ commands: CommandDispatcher) {
        commandsSlot.withLock { $0 = commands }
        resolveTransactionIds(through: commands)
    }

    /// Lets the dispatcher find a 2.0.1 station's own id of a transaction, and take each
    /// RequestStartTransaction's `remoteStartId` from here (docs/ocpp201.md).
    private func resolveTransactionIds(through commands: CommandDispatcher) {
        commands.resolveOCPP201TransactionIds { [weak self] chargerId, transactionId in
            self?.ocpp201TransactionId(of: transactionId, on: chargerId)
        }
        commands.allocateRemoteStartIds { [weak self] chargerId, evseId, idTag in
            await self?.allocateRemoteStart(on: chargerId, evseId: evseId, idTag: idTag)
        }
    }

    var commands: CommandDispatcher? { commandsSlot.withLock { $0 } }

    // MARK: IncomingCallHandler

    public func handle(_ call: IncomingCall, from session: ChargePointSession, reply: CallReply) {
        respond(to: call.request, from: call.chargerId) { answer in
            switch answer {
            case .confirm(let payload): reply.confirm(payload)
            case .fail(let code, let description): reply.fail(code, description)
            }
        }
    }

    public func chargerConnected(_ session: ChargePointSession) {
        connected(session.chargerId, session: session)
    }

    public func chargerDisconnected(_ session: ChargePointSession) {
        disconnected(session.chargerId, session: session)
    }

    // MARK: ChargerDirectory

    public func snapshots() -> [ChargerSnapshot] {
        let now = settings.now()
        let ids = chargers.withLock { Array($0.keys) }.sorted()
        // A few hundred at a time, so that an event loop never waits long for a car park's worth
        // of snapshots. (Copying the dictionary and building them outside the lock costs the next
        // writer a copy of every charger's state: 25 MB more at 10,000 chargers.)
        var result: [ChargerSnapshot] = []
        result.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: 256) {
            let chunk = ids[start..<min(start + 256, ids.count)]
            chargers.withLock { chargers in
                for id in chunk {
                    if let state = chargers[id] { result.append(state.snapshot(at: now, latency: latency(of: id))) }
                }
            }
        }
        return result
    }

    public func snapshot(_ chargerId: String) -> ChargerSnapshot? {
        let now = settings.now()
        let latency = latency(of: chargerId)
        return chargers.withLock { $0[chargerId]?.snapshot(at: now, latency: latency) }
    }

    /// The round trip of the charger's last ping, as the central system measured it.
    private func latency(of chargerId: String) -> Double? {
        commands?.latencyMilliseconds(of: chargerId)
    }

    public func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void) {
        observers.withLock { $0.append(ChargerChangeObserver(observer)) }
    }

    // MARK: State

    /// Runs `body` on the charger's state (created on first mention) under the lock.
    @discardableResult
    func update<Result>(_ chargerId: String, _ body: (inout ChargerState) -> Result) -> Result {
        chargers.withLock { chargers in
            var state = chargers[chargerId] ?? ChargerState(id: chargerId)
            defer { chargers[chargerId] = state }
            return body(&state)
        }
    }

    /// Tells every observer, outside the lock.
    func emit(_ change: ChargerChange) {
        let current = observers.withLock { $0 }
        for observer in current { observer.notify(change) }
    }
}
