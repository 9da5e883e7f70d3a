import CLinux
import Glibc
import Logging
import Synchronization

/// One thread running a level-triggered epoll loop: sockets, timers and submitted tasks.
///
/// Everything about one socket (reads, TLS, framing, parsing, the handler's work) runs inline on
/// the loop that accepted it; measured, this is the cheapest design for 10,000 mostly idle
/// connections (docs/architecture.md). Rules:
/// - `execute(_:)` may be called from any thread; the task runs on the loop, in submission order.
/// - Everything else (`scheduleTimer`, `cancel`, every `Connection` method) is loop-only.
/// - Never block a loop thread: it stalls every connection on it.
///
/// Each loop owns one 64 KiB read buffer shared by all of its connections, so an idle connection
/// costs no buffer memory at all.
///
/// Bursts are served in slices: an iteration runs at most `timersPerIteration` expired timers,
/// `remoteTasksPerIteration` submitted tasks and `closingsPerIteration` connection teardowns, and
/// waits for sockets without sleeping while more are left. Thousands of chargers closing at once
/// (or as many timers due together) then cost the others a few milliseconds, not the time to
/// tear them all down (BENCHMARKS.md, "Disconnect storms").
public final class EventLoop: @unchecked Sendable {
    // Sendable: the cross-thread state is `remote` (a Mutex) and `threadID` (an Atomic); every
    // other mutable property is touched only on the loop thread, which `inEventLoop` checks.

    /// This loop's position in its group (0-based); also in its thread name `ampwise-loop-N`.
    public let index: Int

    let epollFD: Int32
    private let wakeFD: Int32
    private let remote = Mutex(RemoteTasks())
    private let threadID = Atomic<UInt>(0)
    /// Where timers count time; nil: `MonotonicClock`.
    let clock: (any LoopClock)?

    // Loop-confined state.
    private var localTasks: [() -> Void] = []
    private var runningTasks: [() -> Void] = []
    /// Submitted tasks taken from `remote` and not run yet.
    private var remoteBacklog = TaskBacklog()
    /// Connections whose peer hung up, and closed connections waiting for their socket to be
    /// released and their handler told (see `deferClosing`).
    private var closings = TaskBacklog()
    var timers = TimerHeap()
    /// `clock` as read at the start of this turn of the loop (a `LoopClock` only).
    private var turnStartTime: UInt64 = 0
    private var slots: [RegistrySlot] = []
    private var registeredCount = 0
    private var isRunning = true

    /// Where connections read into; valid only until the read callback returns.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Where TLS output is staged on its way to the socket.
    let outputBuffer: UnsafeMutableRawBufferPointer

    static let readBufferSize = 64 * 1024
    private static let maximumEventsPerWait: Int32 = 512
    /// Slices of a burst, per iteration. A teardown costs tens of microseconds (most of it the
    /// kernel's), a timer or a task usually less.
    static let timersPerIteration = 128
    static let remoteTasksPerIteration = 512
    static let closingsPerIteration = 16
    private let logger = Logger(label: "transport")

    init(index: Int, clock: (any LoopClock)? = nil) {
        self.index = index
        self.clock = clock
        epollFD = ampwise_epoll_create()
        wakeFD = ampwise_eventfd()
        precondition(epollFD >= 0 && wakeFD >= 0, "cannot create epoll/eventfd: \(String(cString: strerror(errno)))")
        readBuffer = .allocate(byteCount: EventLoop.readBufferSize, alignment: 16)
        outputBuffer = .allocate(byteCount: EventLoop.readBufferSize, alignment: 16)
        let added = ampwise_epoll_ctl(epollFD, AMPWISE_EPOLL_CTL_ADD, wakeFD, AMPWISE_EPOLLIN, UInt64(wakeFD))
        precondition(added == 0, "cannot watch the eventfd")
        clock?.attach { [weak self] in self?.execute {} }
    }

    deinit {
        Glibc.close(epollFD)
        Glibc.close(wakeFD)
        readBuffer.deallocate()
        outputBuffer.deallocate()
    }

    /// True on this loop's thread.
    public var inEventLoop: Bool {
        let id = threadID.load(ordering: .acquiring)
        return id != 0 && pthread_equal(pthread_self(), pthread_t(id)) != 0
    }

    var isThreadStarted: Bool { threadID.load(ordering: .acquiring) != 0 }

    /// Traps in debug builds when called off the loop: the guard of every loop-confined API.
    @inline(__always)
    public func assertInEventLoop(file: StaticString = #fileID, line: UInt = #line) {
        assert(inEventLoop, "called off its event loop", file: file, line: line)
    }

    /// Runs `task` on the loop. From any thread; from the loop itself the task runs after the
    /// current callback returns (never re-entrantly). Tasks submitted after the loop stopped are
    /// dropped.
    public func execute(_ task: @escaping @Sendable () -> Void) {
        _ = submit(task)
    }

    /// `execute` that tells whether the task was taken (false once the loop has stopped).
    func submit(_ task: @escaping @Sendable () -> Void) -> Bool {
        if inEventLoop {
            localTasks.append(task)
            return true
        }
        let (accepted, mustWake) = remote.withLock { state -> (Bool, Bool) in
            guard state.acceptsTasks else { return (false, false) }
            state.tasks.append(task)
            if state.wakeupPending { return (true, false) }
            state.wakeupPending = true
            return (true, true)
        }
        if mustWake {
            var one: UInt64 = 1
            _ = Glibc.write(wakeFD, &one, MemoryLayout<UInt64>.size)
        }
        return accepted
    }

    /// Number of fds (sockets) registered on this loop; loop thread only.
    var registeredSocketCount: Int { registeredCount }

    /// Runs `task` on the loop later, at most `closingsPerIteration` such tasks per iteration with
    /// the sockets served between slices: for the costly part of closing a connection (releasing
    /// the socket, telling the handler), and for connections whose peer hung up. Loop thread only.
    func deferClosing(_ task: @escaping () -> Void) {
        assertInEventLoop()
        closings.append(task)
    }

    // MARK: - Registration

    func register(_ fd: Int32, events: UInt32, registrant: EpollRegistrant) -> Bool {
        assertInEventLoop()
        let slotIndex = Int(fd)
        if slotIndex >= slots.count {
            slots.append(contentsOf: repeatElement(RegistrySlot(), count: slotIndex + 1 - slots.count))
        }
        slots[slotIndex].generation &+= 1
        slots[slotIndex].registrant = registrant
        guard ampwise_epoll_ctl(epollFD, AMPWISE_EPOLL_CTL_ADD, fd, events, epollData(fd)) == 0 else {
            slots[slotIndex].registrant = nil
            return false
        }
        registeredCount += 1
        return true
    }

    func modify(_ fd: Int32, events: UInt32) {
        assertInEventLoop()
        _ = ampwise_epoll_ctl(epollFD, AMPWISE_EPOLL_CTL_MOD, fd, events, epollData(fd))
    }

    /// Stops watching `fd`; call before closing it.
    func deregister(_ fd: Int32) {
        assertInEventLoop()
        let slotIndex = Int(fd)
        guard slotIndex < slots.count, slots[slotIndex].registrant != nil else { return }
        _ = ampwise_epoll_ctl(epollFD, AMPWISE_EPOLL_CTL_DEL, fd, 0, 0)
        slots[slotIndex].registrant = nil
        // A new generation makes events already fetched for this fd number stale, in case the
        // number is reused by an accept in the same batch.
        slots[slotIndex].generation &+= 1
        registeredCount -= 1
    }

    /// The epoll user data: the fd plus its slot generation, so that stale events are ignored.
    private func epollData(_ fd: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: fd)) | UInt64(slots[Int(fd)].generation) << 32
    }

    // MARK: - Running

    /// The loop thread's body: runs until `stop()`.
    func run() {
        threadID.store(UInt(pthread_self()), ordering: .releasing)
        ampwise_set_thread_name("ampwise-loop-\(index)")
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(EventLoop.maximumEventsPerWait))
        defer { events.deallocate() }
        if let clock { turnStartTime = clock.nanoseconds() }
        while isRunning {
            let count = ampwise_epoll_wait(epollFD, events, EventLoop.maximumEventsPerWait, waitTimeout())
            if let clock { turnStartTime = clock.nanoseconds() }
            if count < 0 {
                if errno != EINTR { logger.error("epoll_wait failed: \(String(cString: strerror(errno)))") }
                continue
            }
            var woken = false
            for eventIndex in 0..<Int(count) {
                let data = ampwise_epoll_event_data(events + eventIndex)
                let flags = ampwise_epoll_event_events(events + eventIndex)
                let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: data))
                if fd == wakeFD {
                    woken = true
                    continue
                }
                let slotIndex = Int(fd)
                guard slotIndex < slots.count, slots[slotIndex].generation == UInt32(data >> 32),
                    let registrant = slots[slotIndex].registrant
                else { continue }
                registrant.handleEvents(flags)
            }
            runExpiredTimers()
            if woken { takeRemoteTasks() }
            runRemoteTasks(limit: EventLoop.remoteTasksPerIteration)
            runLocalTasks()
            runClosings(limit: EventLoop.closingsPerIteration)
        }
        shutDownRegistrants()
    }

    /// What a timer scheduled now counts from: the monotonic clock now, or a `LoopClock` as read
    /// at the start of this turn (see `LoopClock`).
    func timerBase() -> UInt64 {
        clock == nil ? MonotonicClock.nanoseconds() : turnStartTime
    }

    private func waitTimeout() -> Int32 {
        if !localTasks.isEmpty || !remoteBacklog.isEmpty || !closings.isEmpty { return 0 }
        guard let deadline = timers.earliestDeadline else { return -1 }
        let now = clock?.nanoseconds() ?? MonotonicClock.nanoseconds()
        guard deadline > now else { return 0 }
        // A test's clock moves only when the test says so, and then wakes the loop.
        if clock != nil { return -1 }
        // Round up: waking a millisecond early would only spin once more.
        let milliseconds = (deadline - now + 999_999) / 1_000_000
        return Int32(clamping: milliseconds)
    }

    /// Runs up to `timersPerIteration` expired timers; the next wait does not sleep while more are
    /// due (their deadline has passed).
    private func runExpiredTimers() {
        guard !timers.isEmpty else { return }
        // On a test's clock, the turn's reading: a timer scheduled by one that fires here counts
        // from the same reading, so it cannot be due at once because the clock moved meanwhile.
        let now = timerBase()
        for _ in 0..<EventLoop.timersPerIteration {
            guard let timer = timers.popExpired(now: now) else { return }
            let task = timer.task
            timer.task = nil
            task?()
        }
    }

    private func takeRemoteTasks() {
        var counter: UInt64 = 0
        _ = Glibc.read(wakeFD, &counter, MemoryLayout<UInt64>.size)
        // Take the tasks after draining the eventfd: a task submitted after this swap writes the
        // eventfd again and wakes the next wait.
        let tasks = remote.withLock { state -> [@Sendable () -> Void] in
            state.wakeupPending = false
            return state.takeTasks()
        }
        for task in tasks { remoteBacklog.append(task) }
    }

    private func runRemoteTasks(limit: Int) {
        guard !remoteBacklog.isEmpty else { return }
        for task in remoteBacklog.takeSlice(limit) { task() }
    }

    private func runClosings(limit: Int) {
        guard !closings.isEmpty else { return }
        for task in closings.takeSlice(limit) { task() }
    }

    private func runLocalTasks() {
        guard !localTasks.isEmpty else { return }
        // Only the tasks present now: a task that submits another cannot starve the sockets.
        // Two arrays swap roles so that steady traffic (an actor on this loop) allocates nothing.
        swap(&runningTasks, &localTasks)
        for task in runningTasks { task() }
        runningTasks.removeAll(keepingCapacity: true)
    }

    private func shutDownRegistrants() {
        takeRemoteTasks()
        remote.withLock { $0.acceptsTasks = false }
        takeRemoteTasks()
        runRemoteTasks(limit: .max)
        // Hang-ups first: a connection handling one may be watched again.
        runClosings(limit: .max)
        for slot in slots {
            slot.registrant?.closeForLoopShutdown()
        }
        // Closing delivers `connectionDidClose` through the closings; they may queue a few more tasks.
        for _ in 0..<8 where !localTasks.isEmpty || !closings.isEmpty {
            runClosings(limit: .max)
            runLocalTasks()
        }
        localTasks.removeAll()
        closings.removeAll()
        timers.removeAll()
        slots.removeAll()
        threadID.store(0, ordering: .releasing)
    }

    /// Makes the loop leave `run()` after the current iteration: any thread.
    func stop() {
        execute { [self] in
            // Runs on the loop thread: the only writer of isRunning.
            isRunning = false
        }
    }
}
