extension EventLoop {
    /// This loop's clock in nanoseconds from an arbitrary point, as its timers count it: the
    /// monotonic clock, or the `LoopClock` a test gave the group. Any thread.
    public var clockNanoseconds: UInt64 {
        clock?.nanoseconds() ?? MonotonicClock.nanoseconds()
    }

    /// Suspends the calling task until this loop's clock reaches `deadline` (as `clockNanoseconds`
    /// reads it; never early, millisecond resolution), on one timer in the loop's heap rather than
    /// a timer thread: a task that prefers this loop (`EventLoopTaskExecutor`) then resumes on it in
    /// the turn the timer fires, and no other thread is woken. Throws `CancellationError` as soon as
    /// the task is cancelled (the timer is removed). Any thread.
    public func sleep(untilNanoseconds deadline: UInt64) async throws(CancellationError) {
        let wake = ResultSlot<Void, CancellationError>()
        let timer = LoopBound(SleepTimer(), loop: self)
        runOnLoop { [self] in
            // Cancelled before the loop got here (a sleep begun off the loop): nothing to schedule.
            guard !wake.isFilled else { return }
            timer.value.handle = scheduleTimer(atNanoseconds: deadline) { wake.fill(.success(())) }
        }
        let result = await wake.value(onCancel: CancellationError())
        if case .failure = result {
            runOnLoop { [self] in
                if let handle = timer.value.handle { cancel(handle) }
            }
        }
        try result.get()
    }
}
