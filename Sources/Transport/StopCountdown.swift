import Synchronization

/// Counts the loops that finished closing a server's connections and runs the completion when
/// the last one does (on that loop's thread).
final class StopCountdown: Sendable {
    private let remaining: Atomic<Int>
    private let completion: @Sendable () -> Void

    init(count: Int, completion: @escaping @Sendable () -> Void) {
        remaining = Atomic(count)
        self.completion = completion
    }

    func signal() {
        if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            completion()
        }
    }
}
