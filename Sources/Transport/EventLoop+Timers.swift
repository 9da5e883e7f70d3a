extension EventLoop {
    /// Runs `task` on this loop once `seconds` have passed (on the loop's clock: the monotonic
    /// clock with millisecond resolution, never early, unless a test gave the group a
    /// `LoopClock`). Loop thread only. Timers with equal deadlines fire in the order they were
    /// scheduled.
    @discardableResult
    public func scheduleTimer(after seconds: Double, _ task: @escaping () -> Void) -> TimerHandle {
        assertInEventLoop()
        return scheduleTimer(atNanoseconds: timerBase() &+ MonotonicClock.nanoseconds(fromSeconds: seconds), task)
    }

    /// Runs `task` on this loop once its clock (`clockNanoseconds`) reaches `deadline`. Loop thread
    /// only.
    func scheduleTimer(atNanoseconds deadline: UInt64, _ task: @escaping () -> Void) -> TimerHandle {
        assertInEventLoop()
        clock?.didSchedule(deadline: deadline)
        return TimerHandle(timer: timers.insert(deadline: deadline, task: task))
    }

    /// Cancels a pending timer; cancelling a fired or cancelled timer does nothing. Loop thread
    /// only.
    public func cancel(_ handle: TimerHandle) {
        assertInEventLoop()
        timers.remove(handle.timer)
        handle.timer.task = nil
    }

    /// Number of pending timers on this loop; loop thread only.
    public var pendingTimerCount: Int {
        assertInEventLoop()
        return timers.count
    }
}
