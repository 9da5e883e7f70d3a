import Dispatch
import Transport

/// Keeps an event loop's thread busy until `release()`, so that a test can line up socket
/// events, timers and tasks for the loop to find all at once, in a known order.
final class LoopHold: Sendable {
    private let held = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    /// Returns once the loop is held.
    init(_ loop: EventLoop) {
        loop.execute { [held, released] in
            held.signal()
            released.wait()
        }
        held.wait()
    }

    func release() {
        released.signal()
    }
}
