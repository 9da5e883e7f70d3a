extension EventLoop {
    /// Runs `task` on this loop once `seconds` have passed (monotonic clock, millisecond
    /// resolution, never early). Loop thread only. Timers with equal deadlines fire in the order
    /// they were scheduled.
    @discardableResult
    public func scheduleTimer(after seconds: Double, _ task: @escaping () -> Void) -> TimerHandle {
        assertInEventLoop()
        let deadline = MonotonicClock.nanoseconds() &+ MonotonicClock.nanoseconds(fromSeconds: seconds)
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
