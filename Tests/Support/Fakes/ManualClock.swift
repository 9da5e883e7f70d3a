import Foundation
import Scheduling
import Synchronization
import Transport

/// A clock that moves only when the test says so. Sleepers wake when it passes their deadline,
/// and event loops built on it (`EventLoopGroup(loopCount:clock:)`) run their timers then: a
/// test of a 0.2 s timeout advances the clock instead of waiting, and cannot flake under load.
public final class ManualClock: EngineClock, LoopClock {
    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct TimerWaiter {
        var latestDeadline: UInt64
        /// How many such timers it waits for.
        var count: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Date
        /// The same time for event loops: nanoseconds since the clock was made.
        var elapsed: UInt64 = 0
        var sleepers: [UUID: Sleeper] = [:]
        var cancelled: Set<UUID> = []
        var wakers: [@Sendable () -> Void] = []
        /// Deadlines of loop timers not yet passed.
        var timerDeadlines: [UInt64] = []
        var timerWaiters: [TimerWaiter] = []
    }

    private let state: Mutex<State>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_593_600)) {
        state = Mutex(State(now: start))
    }

    public func now() -> Date { state.withLock { $0.now } }

    public func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let early: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.contains(id) { return .failure(CancellationError()) }
                    if state.now >= deadline { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let early { continuation.resume(with: early) }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                state.cancelled.insert(id)
                return state.sleepers.removeValue(forKey: id)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock on, wakes every sleeper whose deadline has come, and has the event loops
    /// on this clock run the timers that came due.
    public func advance(by seconds: TimeInterval) {
        let (due, wakers) = state.withLock { state in
            state.now = state.now.addingTimeInterval(seconds)
            state.elapsed &+= Self.nanoseconds(seconds)
            let now = state.now
            let elapsed = state.elapsed
            state.timerDeadlines.removeAll { $0 <= elapsed }
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers[id] = nil }
            return (Array(due.values), state.wakers)
        }
        for sleeper in due { sleeper.continuation.resume() }
        for wake in wakers { wake() }
    }

    /// Returns once the event loops on this clock have `count` timers (one by default) due within
    /// `seconds` from now (those scheduled before the call count): then `advance(by: seconds)`
    /// fires them.
    public func waitForTimer(dueWithin seconds: TimeInterval, count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let found = state.withLock { state in
                let latest = state.elapsed &+ Self.nanoseconds(seconds)
                if state.timerDeadlines.count(where: { $0 <= latest }) >= count { return true }
                state.timerWaiters.append(TimerWaiter(latestDeadline: latest, count: count, continuation: continuation))
                return false
            }
            if found { continuation.resume() }
        }
    }

    // MARK: LoopClock

    public func nanoseconds() -> UInt64 { state.withLock { $0.elapsed } }

    public func attach(wake: @escaping @Sendable () -> Void) {
        state.withLock { $0.wakers.append(wake) }
    }

    public func didSchedule(deadline: UInt64) {
        let waiters = state.withLock { state in
            guard deadline > state.elapsed else { return [TimerWaiter]() }
            state.timerDeadlines.append(deadline)
            let (ready, waiting) = state.timerWaiters.reduce(into: ([TimerWaiter](), [TimerWaiter]())) {
                split, waiter in
                let due = state.timerDeadlines.count { $0 <= waiter.latestDeadline }
                if due >= waiter.count { split.0.append(waiter) } else { split.1.append(waiter) }
            }
            state.timerWaiters = waiting
            return ready
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    private static func nanoseconds(_ seconds: TimeInterval) -> UInt64 {
        seconds > 0 ? UInt64((seconds * 1_000_000_000).rounded()) : 0
    }
}
