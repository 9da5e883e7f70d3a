import Glibc
import Synchronization

/// A fixed set of event loops, one thread each (by default one per core), handed out round
/// robin by `next()`.
public final class EventLoopGroup: Sendable {
    /// The loops, in index order.
    public let loops: [EventLoop]
    private let threads: Mutex<[pthread_t]>
    private let nextIndex = Atomic<Int>(0)

    /// Starts `loopCount` loop threads (at least one). `clock`: where the loops' timers count
    /// time; the monotonic clock unless a test passes one it moves itself.
    public init(loopCount: Int = EventLoopGroup.coreCount, clock: (any LoopClock)? = nil) {
        let loops = (0..<max(1, loopCount)).map { EventLoop(index: $0, clock: clock) }
        self.loops = loops
        var started: [pthread_t] = []
        for loop in loops {
            started.append(EventLoopGroup.startThread(for: loop))
        }
        threads = Mutex(started)
        // The loops know their thread only once it runs; wait so `inEventLoop` is right at once.
        for loop in loops {
            while !loop.isThreadStarted { sched_yield() }
        }
    }

    /// The number of online cores.
    public static var coreCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The next loop, round robin (thread-safe).
    public func next() -> EventLoop {
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[Int(UInt(bitPattern: index) % UInt(loops.count))]
    }

    /// The loop running the calling thread, if it is one of this group's.
    public var currentLoop: EventLoop? {
        loops.first { $0.inEventLoop }
    }

    /// Stops every loop and joins its thread. Connections still open are aborted (their
    /// handlers get `connectionDidClose`). Must not be called from one of the group's loops.
    /// Calling it twice is harmless.
    public func shutdown() {
        precondition(currentLoop == nil, "EventLoopGroup.shutdown() called from one of its loops")
        let joinable = threads.withLock { threads -> [pthread_t] in
            let taken = threads
            threads = []
            return taken
        }
        guard !joinable.isEmpty else { return }
        for loop in loops { loop.stop() }
        for thread in joinable {
            pthread_join(thread, nil)
        }
    }

    private static func startThread(for loop: EventLoop) -> pthread_t {
        let context = Unmanaged.passRetained(loop).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let loop = Unmanaged<EventLoop>.fromOpaque(context!).takeRetainedValue()
                loop.run()
                return nil
            }, context)
        precondition(result == 0, "cannot start an event loop thread: \(String(cString: strerror(result)))")
        return thread
    }
}
