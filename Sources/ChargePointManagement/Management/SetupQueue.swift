import Synchronization

/// Runs post-boot set-ups with at most `limit` at a time, the rest waiting in order.
///
/// A car park that restarts boots thousands of chargers within seconds. One task per set-up
/// would hold thousands of suspended tasks (kilobytes each) while their calls wait for answers;
/// a few workers keep memory flat, and set-ups still overlap enough to hide each charger's
/// round trips.
final class SetupQueue: Sendable {
    typealias Setup = @Sendable () async -> Void

    private let limit: Int
    private let state = Mutex<(running: Int, waiting: [Setup], head: Int)>((0, [], 0))

    init(limit: Int) {
        self.limit = limit
    }

    func enqueue(_ setup: @escaping Setup) {
        let startNow = state.withLock { state in
            guard state.running < limit else {
                state.waiting.append(setup)
                return false
            }
            state.running += 1
            return true
        }
        if startNow { work(starting: setup) }
    }

    /// One worker: runs `setup`, then whatever waits, until nothing does.
    private func work(starting setup: @escaping Setup) {
        Task {
            var next: Setup? = setup
            while let current = next {
                await current()
                next = takeNext()
            }
        }
    }

    private func takeNext() -> Setup? {
        state.withLock { state in
            guard state.head < state.waiting.count else {
                state.running -= 1
                state.waiting.removeAll(keepingCapacity: false)
                state.head = 0
                return nil
            }
            defer { state.head += 1 }
            return state.waiting[state.head]
        }
    }
}
