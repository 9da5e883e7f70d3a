import CLinux
import Dispatch
import Foundation

/// Hands the heap's free pages back to the system once a minute.
///
/// glibc's allocator gives each group of threads a heap of its own (an arena) and returns memory
/// to the system only from the top of a heap; pages freed below a block still in use stay
/// resident. `serve`'s event loops, store queue and log thread each allocate in bursts (a
/// reconnection wave, a large transaction), so the soak's resident memory crept up by about 25 MB
/// in 20 minutes, all of it free: `malloc_trim(0)` took the running server from 104 MB back to
/// 80 MB (BENCHMARKS.md, "Soak"). A trim walks every arena under its lock for a few milliseconds,
/// so it runs once a minute on a utility queue, never on an event loop.
enum HeapTrimmer {
    /// Trims now; what `start` does every `interval`.
    static func trim() {
        _ = ampwise_malloc_trim()
    }

    /// Trims every `interval` until the returned timer is cancelled.
    static func start(every interval: Duration = .seconds(60)) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let nanoseconds = Int(interval / .nanoseconds(1))
        timer.schedule(
            deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds),
            leeway: .seconds(1))
        timer.setEventHandler { trim() }
        timer.resume()
        return timer
    }
}
