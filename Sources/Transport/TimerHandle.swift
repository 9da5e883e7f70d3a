/// Identifies a timer scheduled with `EventLoop.scheduleTimer(after:_:)` so it can be cancelled.
///
/// Loop-confined like the timer itself: use it only on the loop that scheduled it.
public struct TimerHandle {
    let timer: ScheduledTimer

    /// True until the timer fires or is cancelled.
    public var isPending: Bool { timer.heapIndex >= 0 }
}
