import Foundation
import JSON
import OCPP
import Synchronization

/// A charger that speaks OCPP 1.6J over a real WebSocket to a central system, with a car that comes,
/// charges within the charging profiles it is sent, and leaves (`ampwise demo`, tests, benchmarks).
///
/// It runs on a thread of its own with blocking sockets: `start()` connects (and reconnects after
/// a lost connection every 2 s), `stop()` closes and waits for the thread. Every message it sends
/// is a typed OCPP request; every CALL it receives is decoded with the OCPP module's types.
///
/// The car: it plugs in `plugInAfter` seconds after connecting (Preparing); a
/// RemoteStartTransaction starts its session (or, after `swipeAfter` seconds, its driver's card
/// does); it draws the offered current (the charging profiles in force, up to the car's maximum,
/// nothing below 6 A: SuspendedEVSE), sends MeterValues every `meterInterval` seconds, and leaves
/// after `sessionSeconds` (or at a RemoteStopTransaction).
///
/// `@unchecked Sendable`: its state is behind a `Mutex`; `NSCondition` (thread-safe, not marked
/// `Sendable` in Foundation on Linux) only wakes waiters.
public final class SimulatedCharger: @unchecked Sendable {
    public let settings: SimulatedChargerSettings
    private let shared = Mutex(SharedState())
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled on every change of `status`, for `wait(until:timeout:)`.
    private let changed = NSCondition()

    private struct SharedState {
        var status = SimulatedChargerStatus()
        var stopRequested = false
        var started = false
    }

    public init(settings: SimulatedChargerSettings) {
        self.settings = settings
    }

    /// What it does now.
    public var status: SimulatedChargerStatus { shared.withLock { $0.status } }

    /// Starts its thread.
    public func start() {
        let alreadyStarted = shared.withLock { state in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else { return }
        let thread = Thread { [self] in
            var session = SimulatedChargerSession(settings: settings, shared: self)
            session.run()
            finished.signal()
        }
        thread.name = "simulated charger \(settings.chargerId)"
        thread.start()
    }

    /// Closes its connection and returns once its thread has ended (within a second or so).
    public func stop() {
        let running = shared.withLock { state in
            state.stopRequested = true
            return state.started
        }
        if running { finished.wait() }
    }

    var stopRequested: Bool { shared.withLock { $0.stopRequested } }

    func update(_ change: (inout SimulatedChargerStatus) -> Void) {
        shared.withLock { change(&$0.status) }
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }

    /// Blocks until `predicate` holds for the status (checked at each change) or `timeout` seconds
    /// have passed; answers whether it holds. For tests and benchmarks, off the concurrency pool.
    public func wait(until predicate: (SimulatedChargerStatus) -> Bool, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        changed.lock()
        defer { changed.unlock() }
        while !predicate(status) {
            guard changed.wait(until: deadline) else { return predicate(status) }
        }
        return true
    }
}
