import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM.
///
/// The signals are blocked for normal delivery and watched with Dispatch sources, so that the
/// shutdown runs as ordinary code rather than in a signal handler.
enum ShutdownSignal {
    static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let once = ResumeOnce(continuation)
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { @Sendable in once.resume(name) }
                source.resume()
                once.retain(source)
            }
        }
    }
}
