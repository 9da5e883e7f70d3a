import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM and tells which one came.
enum ShutdownSignal {
    static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let once = ResumeOnce(continuation)
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                once.retain(SignalWatcher.watch(number) { once.resume(name) })
            }
        }
    }
}
