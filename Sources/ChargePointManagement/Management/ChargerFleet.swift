import Central
import Foundation
import Logging
import Store
import Synchronization

/// Ampwise's charge point management: answers every message the chargers send (SPEC §3), sets
/// each charger up after it boots, keeps what it learns in memory for the API and the engine
/// (`ChargerDirectory`) and in the `Store`.
///
/// Wiring (the central system takes its handler at init, and the set-up needs the central
/// system to call chargers, so the caller is attached afterwards):
///
/// ```swift
/// let store = try Store(path: configuration.database)
/// let fleet = ChargerFleet(store: store, settings: settings)
/// try await fleet.restore()                     // open transactions and chargers from the store
/// let central = CentralSystem(configuration: ..., handler: fleet)
/// fleet.attach(caller: central)
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
    private let callerSlot = Mutex<(any ChargePointCalling)?>(nil)

    /// - Parameter caller: the central system that sends the set-up commands; may be given later
    ///   with `attach(caller:)`.
    public init(store: Store, settings: ChargerFleetSettings, caller: (any ChargePointCalling)? = nil) {
        self.store = store
        self.settings = settings
        callerSlot.withLock { $0 = caller }
    }

    /// Sets the central system the set-up calls chargers through.
    public func attach(caller: any ChargePointCalling) {
        callerSlot.withLock { $0 = caller }
    }

    var caller: (any ChargePointCalling)? { callerSlot.withLock { $0 } }

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
                for id in chunk { if let state = chargers[id] { result.append(state.snapshot(at: now)) } }
            }
        }
        return result
    }

    public func snapshot(_ chargerId: String) -> ChargerSnapshot? {
        let now = settings.now()
        return chargers.withLock { $0[chargerId]?.snapshot(at: now) }
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
