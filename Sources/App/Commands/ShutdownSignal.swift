import Dispatch
import Foundation
import Synchronization

/// SIGINT or SIGTERM, caught from the moment this is created: one that arrives during start-up,
/// before anyone waits, is kept and ends the wait at once.
final class ShutdownSignal {
    /// What the watchers report to, and `wait()` reads.
    private final class Latch: Sendable {
        let state = Mutex<(received: String?, waiter: CheckedContinuation<String, Never>?)>((nil, nil))

        func arrived(_ name: String) {
            let waiter = state.withLock { state -> CheckedContinuation<String, Never>? in
                guard state.received == nil else { return nil }
                state.received = name
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: name)
        }
    }

    private let latch = Latch()
    /// Kept for as long as this lives: the watch ends with its source.
    private let sources: [any DispatchSourceRead]

    init() {
        let latch = latch
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            SignalWatcher.watch(number) { latch.arrived(name) }
        }
    }

    /// The name of the first of the two signals, as soon as it has come.
    func wait() async -> String {
        let latch = latch
        return await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let received = latch.state.withLock { state -> String? in
                if state.received == nil { state.waiter = continuation }
                return state.received
            }
            if let received { continuation.resume(returning: received) }
        }
    }
}
