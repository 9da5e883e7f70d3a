import Dispatch
import Synchronization

/// Collects what handlers on the loops report ("open", "close nil", ...) so a test thread can
/// wait for a condition with a timeout instead of sleeping.
final class ServerProbe: Sendable {
    private let events = Mutex<[String]>([])
    private let changed = DispatchSemaphore(value: 0)

    func record(_ event: String) {
        events.withLock { $0.append(event) }
        changed.signal()
    }

    var recorded: [String] { events.withLock { $0 } }

    /// Waits until `condition` holds for the recorded events; false after `timeout` seconds.
    func wait(timeout: Double = 5, until condition: ([String]) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + timeout
        while true {
            if condition(recorded) { return true }
            if changed.wait(timeout: deadline) == .timedOut { return condition(recorded) }
        }
    }

    /// Waits until `event` was recorded `count` times.
    func wait(for event: String, count: Int = 1, timeout: Double = 5) -> Bool {
        wait(timeout: timeout) { events in events.filter { $0 == event }.count >= count }
    }
}
